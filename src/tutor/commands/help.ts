import type { Reply } from '../reply.js';

/** `/aws help`: what the tutor does, with examples that work as typed. */
export function helpReply(): Reply {
  return {
    title: 'AWS tutor',
    sections: [
      'I explain AWS cloud concepts and quiz you on them. Try:',
      [
        '• `/aws lambda`: look a concept up (typos are fine: `lamda`, `cloud front`)',
        '• `/aws sqs vs sns`: two concepts side by side',
        '• `/aws topics`: everything I know, by topic',
        '• `/aws quiz` or `/aws quiz networking`: a practice question just for you',
        '• `/aws exam`: a private 20-question mock exam, scored by exam domain at the end (`/aws exam 65` for the full length, `stop`, `history`)',
        '• `/aws score`: your points, streak and mastery per topic',
        '• `/aws team`: what the team knows and misses, with nobody named',
        '• `/aws leaderboard` (`week`, `month` or `all`): the top 10',
        '• `/aws daily on|off|status`: admins, post a question of the day in this channel and its weekly recap (`/aws daily recap off` stops the recap)',
      ].join('\n'),
      'Practice questions train your memory (I bring back what you are due to review); the daily question is the one that scores points on the leaderboard.',
    ],
    visibility: 'private',
  };
}
