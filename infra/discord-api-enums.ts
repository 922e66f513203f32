/**
 * What the Lambda bundles get for `discord-api-types/v10` (an esbuild alias in serverless.yml):
 * only the enums the Discord code uses at run time, from the files that define them. The
 * package's `v10` entry is CommonJS that re-exports every enum and route of the API, which
 * esbuild cannot tree-shake; evaluating it cost the discord bundle ~10 ms of each cold start
 * (BENCHMARKS.md). Types still come from the real package. Using another enum fails the
 * package step with "No matching export", so add it here.
 */
export { PermissionFlagsBits } from '../node_modules/discord-api-types/payloads/common.js';
export { ApplicationCommandOptionType } from '../node_modules/discord-api-types/payloads/v10/_interactions/_applicationCommands/_chatInput/shared.js';
export { ApplicationCommandType } from '../node_modules/discord-api-types/payloads/v10/_interactions/applicationCommands.js';
export {
  InteractionResponseType,
  InteractionType,
} from '../node_modules/discord-api-types/payloads/v10/_interactions/responses.js';
export {
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from '../node_modules/discord-api-types/payloads/v10/message.js';
