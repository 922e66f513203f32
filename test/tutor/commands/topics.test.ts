import { describe, expect, it } from 'vitest';
import { TOPIC_NAMES, TOPICS, type Topic } from '../../../src/content/types.js';
import { GENERIC_ERROR_MESSAGE } from '../../../src/errors.js';
import { asker, content, replyText, tutorWithoutStore } from '../../helpers/test-deps.js';

describe('Function: topicsReply', () => {
  it('lists every topic that has notes when asked for "topics", and no empty one', async () => {
    const { tutor, logged } = tutorWithoutStore();

    const reply = await tutor.handleCommand(asker(), 'topics');

    for (const topic of TOPICS) {
      const listed = replyText(reply).includes(`**${TOPIC_NAMES[topic]}**`);
      expect(listed, topic).toBe(content.notesByTopic(topic).length > 0);
    }
    expect(reply.visibility).toBe('private');
    expect(logged).toEqual([]);
  });

  it("counts every concept in the overview, and every concept is in its topic's list", async () => {
    const { tutor } = tutorWithoutStore();

    const overview = await tutor.handleCommand(asker(), 'topics');
    const listed = new Set<string>();
    for (const topic of TOPICS) {
      const reply = await tutor.handleCommand(asker(), `topics ${topic}`);
      for (const note of content.notesByTopic(topic)) {
        if (replyText(reply).includes(`**${note.title}**`)) listed.add(note.id);
      }
    }

    expect(overview.title).toContain(String(content.notes.length));
    expect(content.notes.filter((n) => !listed.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  it('lists the networking notes, and only those, when asked for "topics networking"', async () => {
    const { tutor, logged } = tutorWithoutStore();
    const networking = content.notes.filter((n) => n.topic === 'networking');

    const reply = await tutor.handleCommand(asker(), 'topics networking');

    expect(networking.length).toBeGreaterThan(0);
    expect(reply.title).toBe(`${TOPIC_NAMES.networking}: ${networking.length} concepts`);
    for (const note of networking) expect(replyText(reply)).toContain(`**${note.title}**`);
    const others = content.notes.filter(
      (n) => n.topic !== 'networking' && replyText(reply).includes(`**${n.title}**`),
    );
    expect(others.map((n) => n.id)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it.each(TOPICS.map((t) => [t, TOPIC_NAMES[t]] as const))(
    'lists the %s notes when the topic is named "%s"',
    async (topic, name) => {
      const { tutor } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), `topics ${name}`);

      expect(reply.title).toMatch(new RegExp(`^${TOPIC_NAMES[topic]}: \\d+ concepts$`));
      for (const note of content.notesByTopic(topic)) {
        expect(replyText(reply)).toContain(`**${note.title}**`);
      }
    },
  );

  it.each([
    ['networking', 'network'],
    ['networking', 'Networking'],
    ['containers', 'docker'],
    ['databases', 'db'],
    // resolveTopic's own documentation gives "global infra" as an example it understands.
    ['global-infrastructure', 'global infra'],
    ['identity', 'iam'],
    ['ai-ml', 'machine learning'],
    ['billing', 'pricing'],
    ['cloud-concepts', 'cloud concepts'],
  ] satisfies [Topic, string][])(
    'lists the %s topic when it is called "%s"',
    async (topic, word) => {
      const { tutor } = tutorWithoutStore();

      const reply = await tutor.handleCommand(asker(), `topics ${word}`);

      expect(reply.title?.startsWith(`${TOPIC_NAMES[topic]}:`)).toBe(true);
    },
  );

  it('names the topics there are when asked for "topics bogus"', async () => {
    const { tutor, logged } = tutorWithoutStore();

    const reply = await tutor.handleCommand(asker(), 'topics bogus');

    expect(replyText(reply)).toContain("I don't know a topic called “bogus”");
    for (const topic of TOPICS) expect(replyText(reply)).toContain(TOPIC_NAMES[topic]);
    expect(replyText(reply)).not.toContain(GENERIC_ERROR_MESSAGE);
    expect(reply.visibility).toBe('private');
    expect(logged).toEqual([]);
  });
});
