import {
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/** Longest search text Discord lets a user type; the core reads 200 characters anyway. */
export const MAX_QUERY_OPTION_LENGTH = 200;
/** Topic and concept names are short; this only stops the box accepting essays. */
export const MAX_TOPIC_OPTION_LENGTH = 100;

/**
 * `/aws` as Discord registers it: the one definition that registration and routing both use.
 * Written as `SlashCommandBuilder.toJSON()` would produce it, so the register script's check
 * compares equal; each subcommand is named like the core's text command it becomes.
 */
export const AWS_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: 'aws',
  description: 'Learn AWS concepts: look them up, practise with quizzes, see scores',
  options: [
    subcommand('search', 'Look up an AWS concept (typos welcome; "sqs vs sns" compares two)', [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'A concept, a question, or "x vs y"',
        required: true,
        autocomplete: true,
        max_length: MAX_QUERY_OPTION_LENGTH,
      },
    ]),
    subcommand('quiz', 'A practice question just for you, picked by spaced repetition', [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'A topic or concept to practise (default: what you are due to review)',
        required: false,
        autocomplete: true,
        max_length: MAX_TOPIC_OPTION_LENGTH,
      },
    ]),
    subcommand('score', 'Your points, rank, streak and mastery per topic', []),
    subcommand('team', 'What this server knows and misses, with nobody named', []),
    subcommand('exam', 'A private mock exam, weighted like the Cloud Practitioner exam', [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'questions',
        description: 'How many questions (5 to 65, default 20)',
        required: false,
        min_value: 5,
        max_value: 65,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'action',
        description: 'Start or resume (default), stop, or see your last five results',
        required: false,
        choices: [
          { name: 'start or resume', value: 'start' },
          { name: 'stop', value: 'stop' },
          { name: 'history', value: 'history' },
        ],
      },
    ]),
    subcommand('leaderboard', 'The top 10 of this server', [
      {
        type: ApplicationCommandOptionType.String,
        name: 'period',
        description: 'This week (default), this month or all time',
        required: false,
        choices: [
          { name: 'This week', value: 'week' },
          { name: 'This month', value: 'month' },
          { name: 'All time', value: 'all' },
        ],
      },
    ]),
    subcommand('topics', 'Everything the tutor knows, grouped by topic', [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'Show only this topic',
        required: false,
        autocomplete: true,
        max_length: MAX_TOPIC_OPTION_LENGTH,
      },
    ]),
    subcommand('help', 'What the tutor can do, with examples', []),
    subcommand('daily', 'The question of the day in this channel (Manage Server to change)', [
      {
        type: ApplicationCommandOptionType.String,
        name: 'action',
        description: 'Turn it (or its weekly recap) on or off, or see its status',
        required: true,
        choices: [
          { name: 'on', value: 'on' },
          { name: 'off', value: 'off' },
          { name: 'status', value: 'status' },
          { name: 'weekly recap on', value: 'recap on' },
          { name: 'weekly recap off', value: 'recap off' },
        ],
      },
    ]),
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The subcommand named `name` in the definition, if there is one. */
export function findSubcommand(name: string): APIApplicationCommandSubcommandOption | undefined {
  return AWS_COMMAND.options.find((option) => option.name === name);
}

function subcommand(
  name: string,
  description: string,
  options: NonNullable<APIApplicationCommandSubcommandOption['options']>,
): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, name, description, options };
}
