import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for databases: written by the reviewer, not the note's writer. */
export const DATABASES_PARAPHRASES: RelevanceCase[] = [
  {
    query: 'managed postgres where aws does the patching and backups',
    expected: 'rds',
  },
  { query: 'run sql server in aws without managing the server', expected: 'rds' },
  {
    query: 'keep my database running if one availability zone goes down',
    expected: 'rds-multi-az',
  },
  {
    query: 'synchronous standby copy of my mysql database in another az',
    expected: 'rds-multi-az',
  },
  {
    query: 'send dashboard queries to a read only copy of the database',
    expected: 'rds-read-replicas',
  },
  { query: 'copy of my rds db in another region that lags a bit', expected: 'rds-read-replicas' },
  {
    query: 'mysql compatible database with storage copied across three azs',
    expected: 'aurora',
  },
  {
    query: 'relational database that scales compute down to zero when idle',
    expected: 'aurora',
  },
  { query: 'put an in memory cache in front of my rds database', expected: 'elasticache' },
  { query: 'store web sessions in redis on aws', expected: 'elasticache' },
  {
    query: 'redis compatible primary database that does not lose writes',
    expected: 'memorydb',
  },
  {
    query: 'in memory database with a multi az transaction log',
    expected: 'memorydb',
  },
  {
    query: 'run analytics queries over terabytes of sales history',
    expected: 'redshift',
  },
  { query: 'olap database for bi dashboards', expected: 'redshift' },
  {
    query: 'find friends of friends in a social network',
    expected: 'neptune',
  },
  { query: 'database for fraud rings and relationships', expected: 'neptune' },
  {
    query: 'move my mongo database to aws and keep the drivers',
    expected: 'documentdb',
  },
  { query: 'store json documents with a flexible schema', expected: 'documentdb' },
  {
    query: 'serverless service for our cassandra cql apps',
    expected: 'keyspaces',
  },
  { query: 'wide column nosql without managing a cluster', expected: 'keyspaces' },
  {
    query: 'microsecond reads for my dynamo table',
    expected: 'dax',
  },
  {
    query: 'cache for dynamodb that needs almost no code changes',
    expected: 'dax',
  },
  {
    query: 'migrate an on premises oracle db to rds while it keeps running',
    expected: 'database-migration-service',
  },
  {
    query: 'replicate ongoing changes from my source database into aurora',
    expected: 'database-migration-service',
  },
  {
    query: 'translate sql server stored procedures for postgres',
    expected: 'schema-conversion-tool',
  },
  {
    query: 'report on how much of my oracle schema can be converted automatically',
    expected: 'schema-conversion-tool',
  },
  {
    query: 'store temperature readings from sensors every second and query by time',
    expected: 'timestream',
  },
  { query: 'managed influx db on aws', expected: 'timestream' },
];
