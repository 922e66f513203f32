import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for integration-analytics: written by the reviewer, not the note's writer. */
export const INTEGRATION_ANALYTICS_PARAPHRASES: RelevanceCase[] = [
  {
    query: 'run something automatically when an ec2 instance gets terminated',
    expected: 'eventbridge',
  },
  { query: 'cron job in aws without keeping a server running', expected: 'eventbridge' },
  {
    query: 'coordinate several lambda functions in one workflow with error handling',
    expected: 'step-functions',
  },
  {
    query: 'wait for a manager to approve before the next step of my process runs',
    expected: 'step-functions',
  },
  { query: 'managed rabbitmq on aws', expected: 'amazon-mq' },
  {
    query: 'our apps talk jms to an activemq broker, which aws service keeps that working',
    expected: 'amazon-mq',
  },
  { query: 'send password reset emails from my web app', expected: 'ses' },
  { query: 'aws service for mass marketing emails to customers', expected: 'ses' },
  { query: 'hosted graphql server on aws', expected: 'appsync' },
  { query: 'realtime subscriptions for a chat app built on graphql', expected: 'appsync' },
  { query: 'query csv files sitting in s3 with sql, no database to set up', expected: 'athena' },
  { query: 'analyse cloudtrail logs stored in s3 using sql', expected: 'athena' },
  {
    query: 'ingest a huge stream of click events and process them within seconds',
    expected: 'kinesis-data-streams',
  },
  {
    query: 'streaming service where several apps can re-read the same records later',
    expected: 'kinesis-data-streams',
  },
  {
    query: 'deliver streaming data into s3 automatically without writing consumer code',
    expected: 'data-firehose',
  },
  { query: 'kinesis firehouse', expected: 'data-firehose' },
  { query: 'serverless etl to convert data between formats', expected: 'glue' },
  {
    query: 'automatically detect the schema of files in s3 and make tables from them',
    expected: 'glue',
  },
  { query: 'run a big spark cluster to process petabytes of data', expected: 'emr' },
  { query: 'move our on prem hadoop jobs to aws', expected: 'emr' },
  {
    query: 'full text product search with typo tolerance for my online store',
    expected: 'opensearch-service',
  },
  {
    query: 'search and explore application logs with kibana style dashboards',
    expected: 'opensearch-service',
  },
  { query: 'bi dashboards for business users built from redshift data', expected: 'quicksight' },
  { query: 'quiksight dashboard', expected: 'quicksight' },
  {
    query: 'restrict which columns analysts can see in our s3 data lake',
    expected: 'lake-formation',
  },
  {
    query: 'grant access per table and per row to data lake tables across accounts',
    expected: 'lake-formation',
  },
  { query: 'managed kafka service on aws', expected: 'managed-streaming-kafka' },
  {
    query: 'we run kafka topics on premises and want aws to operate the brokers',
    expected: 'managed-streaming-kafka',
  },
];
