import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export { MetricUnit };

/** The CloudWatch namespace of every count the tutor writes; the alarms name it too. */
export const METRICS_NAMESPACE = 'AwsTutor';

/**
 * Powertools Metrics in the embedded metric format (a log line, no PutMetricData call). The
 * dimensions are Powertools' `service` and `Function`, the function's name, so two stages never
 * share an alarm's figures; the alarms in operations.yml match on exactly these two.
 */
export function createMetrics(options: { singleMetric?: boolean } = {}): Metrics {
  return new Metrics({
    namespace: METRICS_NAMESPACE,
    singleMetric: options.singleMetric ?? false,
    defaultDimensions: { Function: process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local' },
  });
}
