/**
 * CloudWatch embedded metrics: one log line becomes the counts, with no PutMetricData call.
 * Namespace `AwsTutor`, one dimension `Function`, so two stages never share an alarm's figures.
 */
export function emitCounts(counts: Record<string, number>): void {
  console.log(
    JSON.stringify({
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: 'AwsTutor',
            Dimensions: [['Function']],
            Metrics: Object.keys(counts).map((Name) => ({ Name, Unit: 'Count' })),
          },
        ],
      },
      Function: process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
      ...counts,
    }),
  );
}
