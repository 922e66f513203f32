/**
 * `/aws` built with discord.js' `SlashCommandBuilder`, which validates names, descriptions and
 * lengths as Discord does. The registration script and a test check that its JSON equals the
 * data definition in `src/discord/command-definition.ts`, the one the Lambda routes from (the
 * Lambda cannot use discord.js: it costs half a second to load).
 */
import { SlashCommandBuilder } from 'discord.js';
import {
  AWS_COMMAND,
  MAX_QUERY_OPTION_LENGTH,
  MAX_TOPIC_OPTION_LENGTH,
} from '../src/discord/command-definition.js';

/** The builder for `/aws` and its seven subcommands. */
export function buildAwsCommand() {
  return new SlashCommandBuilder()
    .setName('aws')
    .setDescription('Learn AWS concepts: look them up, practise with quizzes, see scores')
    .addSubcommand((sub) =>
      sub
        .setName('search')
        .setDescription('Look up an AWS concept (typos welcome; "sqs vs sns" compares two)')
        .addStringOption((o) =>
          o
            .setName('query')
            .setDescription('A concept, a question, or "x vs y"')
            .setRequired(true)
            .setAutocomplete(true)
            .setMaxLength(MAX_QUERY_OPTION_LENGTH),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('quiz')
        .setDescription('A practice question just for you, picked by spaced repetition')
        .addStringOption((o) =>
          o
            .setName('topic')
            .setDescription('A topic or concept to practise (default: what you are due to review)')
            .setAutocomplete(true)
            .setMaxLength(MAX_TOPIC_OPTION_LENGTH),
        ),
    )
    .addSubcommand((sub) =>
      sub.setName('score').setDescription('Your points, rank, streak and mastery per topic'),
    )
    .addSubcommand((sub) =>
      sub.setName('team').setDescription('What this server knows and misses, with nobody named'),
    )
    .addSubcommand((sub) =>
      sub
        .setName('exam')
        .setDescription('A private mock exam, weighted like the Cloud Practitioner exam')
        .addIntegerOption((o) =>
          o
            .setName('questions')
            .setDescription('How many questions (5 to 65, default 20)')
            .setMinValue(5)
            .setMaxValue(65),
        )
        .addStringOption((o) =>
          o
            .setName('action')
            .setDescription('Start or resume (default), stop, or see your last five results')
            .addChoices(
              { name: 'start or resume', value: 'start' },
              { name: 'stop', value: 'stop' },
              { name: 'history', value: 'history' },
            ),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('leaderboard')
        .setDescription('The top 10 of this server')
        .addStringOption((o) =>
          o
            .setName('period')
            .setDescription('This week (default), this month or all time')
            .addChoices(
              { name: 'This week', value: 'week' },
              { name: 'This month', value: 'month' },
              { name: 'All time', value: 'all' },
            ),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('topics')
        .setDescription('Everything the tutor knows, grouped by topic')
        .addStringOption((o) =>
          o
            .setName('topic')
            .setDescription('Show only this topic')
            .setAutocomplete(true)
            .setMaxLength(MAX_TOPIC_OPTION_LENGTH),
        ),
    )
    .addSubcommand((sub) =>
      sub.setName('help').setDescription('What the tutor can do, with examples'),
    )
    .addSubcommand((sub) =>
      sub
        .setName('daily')
        .setDescription('The question of the day in this channel (Manage Server to change)')
        .addStringOption((o) =>
          o
            .setName('action')
            .setDescription('Turn it (or its weekly recap) on or off, or see its status')
            .setRequired(true)
            .addChoices(
              { name: 'on', value: 'on' },
              { name: 'off', value: 'off' },
              { name: 'status', value: 'status' },
              { name: 'weekly recap on', value: 'recap on' },
              { name: 'weekly recap off', value: 'recap off' },
            ),
        ),
    );
}

/** The builder's JSON and the data definition, both without `undefined` fields. */
export function comparableDefinitions(): { built: unknown; defined: unknown } {
  return {
    built: JSON.parse(JSON.stringify(buildAwsCommand().toJSON())),
    defined: JSON.parse(JSON.stringify(AWS_COMMAND)),
  };
}
