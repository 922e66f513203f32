import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CloudFormationTemplate,
  type PackagedService,
  packageService,
  type Resource,
  SENTINEL_SECRETS,
} from '../helpers/serverless-package.js';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const FUNCTIONS = {
  slack: { logicalId: 'SlackLambdaFunction', role: 'SlackRole' },
  discord: { logicalId: 'DiscordLambdaFunction', role: 'DiscordRole' },
  dailyQuiz: { logicalId: 'DailyQuizLambdaFunction', role: 'DailyQuizRole' },
  weeklyRecap: { logicalId: 'WeeklyRecapLambdaFunction', role: 'WeeklyRecapRole' },
} as const;

/** The scheduled functions: each with its schedule, its scheduler role and failed-runs queue. */
const SCHEDULED = [
  {
    fn: 'DailyQuizLambdaFunction',
    cron: 'cron(0 9 ? * MON-FRI *)',
    scheduler: 'DailyQuizSchedulerRole',
    queue: 'DailyQuizFailedRuns',
  },
  {
    fn: 'WeeklyRecapLambdaFunction',
    cron: 'cron(0 16 ? * FRI *)',
    scheduler: 'WeeklyRecapSchedulerRole',
    queue: 'WeeklyRecapFailedRuns',
  },
] as const;

function ofType(template: CloudFormationTemplate, type: string): [string, Resource][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

function statements(template: CloudFormationTemplate, role: string): Statement[] {
  const policies = template.Resources[role]?.Properties.Policies as {
    PolicyDocument: { Statement: Statement[] };
  }[];
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

function functionEnv(template: CloudFormationTemplate, logicalId: string) {
  const fn = template.Resources[logicalId];
  if (!fn) throw new Error(`${logicalId} is not in the template`);
  return (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
}

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('serverless package --stage ci (offline, no credentials)', () => {
  let ci: PackagedService;
  let prod: PackagedService;

  beforeAll(async () => {
    ci = await packageService('ci');
    prod = await packageService('prod');
  }, 180_000);

  it('runs every function on nodejs22.x, arm64, with source maps enabled', () => {
    for (const { logicalId } of Object.values(FUNCTIONS)) {
      const fn = ci.template.Resources[logicalId];
      expect(fn?.Type).toBe('AWS::Lambda::Function');
      expect(fn?.Properties.Runtime).toBe('nodejs22.x');
      expect(fn?.Properties.Architectures).toEqual(['arm64']);
      const env = functionEnv(ci.template, logicalId);
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.TABLE_NAME).toBe('aws-tutor-ci');
      expect(env.SECRETS_SSM_PATH).toBe('/aws-tutor/ci');
    }
  });

  it('routes POST /slack/events and POST /discord/interactions on the HTTP API', () => {
    const routes = ofType(ci.template, 'AWS::ApiGatewayV2::Route').map(
      ([, r]) => r.Properties.RouteKey,
    );
    expect(routes.sort()).toEqual(['POST /discord/interactions', 'POST /slack/events']);
  });

  it('schedules the daily run and the weekly recap on EventBridge Scheduler with a time zone, retries and a DLQ', () => {
    const schedules = ofType(ci.template, 'AWS::Scheduler::Schedule').map(([, r]) => r);
    const configs = ofType(ci.template, 'AWS::Lambda::EventInvokeConfig').map(([, r]) => r);
    expect(schedules).toHaveLength(SCHEDULED.length);
    for (const { fn, cron, scheduler, queue } of SCHEDULED) {
      const schedule = schedules.find((r) => r.Properties.ScheduleExpression === cron);
      expect(schedule?.Properties, fn).toMatchObject({
        ScheduleExpressionTimezone: 'Europe/London',
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [fn, 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [scheduler, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 5 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
        },
      });
      // A run that throws is retried by Lambda and then lands in the same queue.
      const config = configs.find((r) => JSON.stringify(r.Properties.FunctionName).includes(fn));
      expect(config?.Properties, fn).toMatchObject({
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
      });
      expect(ci.template.Resources[queue]?.Type).toBe('AWS::SQS::Queue');
      expect(ci.template.Resources[fn]?.Properties.Timeout).toBe(900);
      expect(functionEnv(ci.template, fn)).toMatchObject({
        DAILY_CRON: 'cron(0 9 ? * MON-FRI *)',
        WEEKLY_CRON: 'cron(0 16 ? * FRI *)',
        DAILY_TIMEZONE: 'Europe/London',
      });
    }
  });

  it('defines the table with on-demand billing, PITR and TTL, and retains it only in prod', () => {
    const table = ci.template.Resources.TutorTable as Resource;
    expect(table.Properties).toMatchObject({
      TableName: 'aws-tutor-ci',
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
    expect(table.DeletionPolicy).toBe('Delete');
    const prodTable = prod.template.Resources.TutorTable as Resource;
    expect(prodTable.DeletionPolicy).toBe('Retain');
    expect(prodTable.UpdateReplacePolicy).toBe('Retain');
  });

  it('gives each function its own role, with DynamoDB actions listed one by one on this table', () => {
    expect(ci.template.Resources.IamRoleLambdaExecution).toBeUndefined();
    for (const { logicalId, role } of Object.values(FUNCTIONS)) {
      expect(ci.template.Resources[logicalId]?.Properties.Role).toEqual({
        'Fn::GetAtt': [role, 'Arn'],
      });
      const all = statements(ci.template, role);
      for (const statement of all) {
        expect(statement.Effect).toBe('Allow');
        for (const action of actionsOf(statement)) {
          expect(action).not.toContain('*');
          expect(action).not.toBe('dynamodb:Scan');
        }
        expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|:\*"?$/);
      }
      const data = all.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      for (const statement of data) {
        expect(JSON.stringify(statement.Resource)).toContain('"TutorTable"');
      }
      const index = data.find((s) => s.Sid === 'Index');
      expect(actionsOf(index as Statement)).toEqual(['dynamodb:Query']);
      expect(JSON.stringify(index?.Resource)).toContain('"gsi1"');
    }
  });

  it('lets each function read only its own settings from SSM, and nothing else', () => {
    const ssmNames = (role: string) =>
      statements(ci.template, role)
        .filter((s) => actionsOf(s).includes('ssm:GetParameters'))
        .flatMap((s) =>
          (s.Resource as unknown[]).map(
            (r) => JSON.stringify(r).match(/\/aws-tutor\/ci\/(\w+)/)?.[1],
          ),
        );
    expect(ssmNames('SlackRole')).toEqual(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']);
    // The bot token only for the daily question's live count (edit the channel message).
    expect(ssmNames('DiscordRole')).toEqual([
      'DISCORD_PUBLIC_KEY',
      'DISCORD_APPLICATION_ID',
      'DISCORD_BOT_TOKEN',
    ]);
    expect(ssmNames('DailyQuizRole')).toEqual(['SLACK_BOT_TOKEN', 'DISCORD_BOT_TOKEN']);
    expect(ssmNames('WeeklyRecapRole')).toEqual(['SLACK_BOT_TOKEN', 'DISCORD_BOT_TOKEN']);
  });

  it('lets each scheduler only invoke its own function and dead-letter to its own queue', () => {
    for (const { fn, scheduler, queue } of SCHEDULED) {
      const all = statements(ci.template, scheduler);
      expect(all.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
      expect(JSON.stringify(all.map((st) => st.Resource))).toBe(
        JSON.stringify([[{ 'Fn::GetAtt': [fn, 'Arn'] }], [{ 'Fn::GetAtt': [queue, 'Arn'] }]]),
      );
    }
  });

  it('never writes a secret into the template, even when the deployer has them in the shell', () => {
    for (const [name, value] of Object.entries(SENTINEL_SECRETS)) {
      expect(ci.texts, name).not.toContain(value);
      expect(prod.texts, name).not.toContain(value);
    }
    for (const { logicalId } of Object.values(FUNCTIONS)) {
      const env = functionEnv(ci.template, logicalId);
      // SECRETS_SSM_PATH is where they are, not one of them.
      const leaked = Object.keys(env).filter((k) => /SECRET|TOKEN|PUBLIC_KEY/.test(k));
      expect(leaked).toEqual(['SECRETS_SSM_PATH']);
    }
  });

  it('alarms on function errors, slow replies, failed daily and recap posts, and failed runs', () => {
    const alarms = Object.fromEntries(
      ofType(ci.template, 'AWS::CloudWatch::Alarm').map(([id, r]) => [id, r.Properties]),
    );
    for (const { logicalId: fn } of Object.values(FUNCTIONS)) {
      const alarm = Object.values(alarms).find(
        (a) =>
          a.MetricName === 'Errors' &&
          JSON.stringify(a.Dimensions) ===
            JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fn } }]),
      );
      expect(alarm, fn).toBeDefined();
    }
    // Must match the metric the scheduled handlers write (test/handlers/daily-quiz.test.ts):
    // namespace, and exactly the dimensions `service` (the function's POWERTOOLS_SERVICE_NAME)
    // and `Function` (its name), since an alarm matches a metric's whole dimension set.
    for (const [alarm, metric, logicalId, name] of [
      ['DailyPostsFailedAlarm', 'DailyPostsFailed', 'DailyQuizLambdaFunction', 'dailyQuiz'],
      ['RecapPostsFailedAlarm', 'RecapPostsFailed', 'WeeklyRecapLambdaFunction', 'weeklyRecap'],
    ] as const) {
      expect(functionEnv(ci.template, logicalId).POWERTOOLS_SERVICE_NAME).toBe('aws-tutor');
      expect(ci.template.Resources[logicalId]?.Properties.FunctionName).toBe(
        `aws-tutor-ci-${name}`,
      );
      expect(alarms[alarm]).toMatchObject({
        Namespace: 'AwsTutor',
        MetricName: metric,
        Dimensions: [
          { Name: 'service', Value: 'aws-tutor' },
          { Name: 'Function', Value: `aws-tutor-ci-${name}` },
        ],
      });
    }
    for (const { queue } of SCHEDULED) {
      expect(alarms[`${queue}Alarm`]).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      });
    }
    expect(alarms.ChatLatencyAlarm?.Threshold).toBeLessThan(3000);
    for (const alarm of Object.values(alarms)) {
      expect(alarm.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    }
  });

  it('keeps logs for a bounded time, longer in prod', () => {
    const retention = (t: CloudFormationTemplate) =>
      ofType(t, 'AWS::Logs::LogGroup').map(([, r]) => r.Properties.RetentionInDays);
    expect(retention(ci.template)).toEqual([30, 30, 30, 30]);
    expect(retention(prod.template)).toEqual([90, 90, 90, 90]);
  });

  it('lets each chat function be invoked only by its own route of the HTTP API', () => {
    const permissions = Object.fromEntries(ofType(ci.template, 'AWS::Lambda::Permission'));
    const sourceOf = (id: string) =>
      JSON.stringify(
        (permissions[id]?.Properties.SourceArn as { 'Fn::Join': unknown[] } | undefined)?.[
          'Fn::Join'
        ],
      );

    expect(sourceOf('SlackLambdaPermissionHttpApi')).toMatch(/"\/\*\/POST\/slack\/events"\]\]$/);
    expect(sourceOf('DiscordLambdaPermissionHttpApi')).toMatch(
      /"\/\*\/POST\/discord\/interactions"\]\]$/,
    );
    for (const [id, permission] of Object.entries(permissions)) {
      if (permission.Properties.Principal !== 'apigateway.amazonaws.com') continue;
      expect(JSON.stringify(permission.Properties.SourceArn), id).not.toMatch(/"\/\*"\]\]$/);
    }
  });

  it('throttles every route of the HTTP API, from stage params', () => {
    const [[, stage] = []] = ofType(ci.template, 'AWS::ApiGatewayV2::Stage');

    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 20,
      ThrottlingBurstLimit: 40,
    });
  });

  it('reserves no concurrency for the chat functions unless the param asks for it', () => {
    for (const { logicalId } of [FUNCTIONS.slack, FUNCTIONS.discord]) {
      expect(
        ci.template.Resources[logicalId]?.Properties.ReservedConcurrentExecutions,
      ).toBeUndefined();
    }
  });

  it('passes the allow-lists and the missed-search setting to every function', () => {
    for (const { logicalId } of Object.values(FUNCTIONS)) {
      const env = functionEnv(ci.template, logicalId);
      expect(env).toMatchObject({
        ALLOWED_SLACK_TEAM_IDS: '',
        ALLOWED_DISCORD_GUILD_IDS: '',
        LOG_MISSED_SEARCHES: 'false',
      });
    }
  });
});
