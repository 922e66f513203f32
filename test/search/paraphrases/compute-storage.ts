import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for compute and storage: written by the reviewer, not the note's writer. */
export const COMPUTE_STORAGE_PARAPHRASES: RelevanceCase[] = [
  {
    query: 'which ec2 family should i pick for a cpu heavy video encoding server',
    expected: 'ec2-instance-types',
  },
  { query: 'what does xlarge mean in an instance type', expected: 'ec2-instance-types' },
  {
    query: 'save my configured server as an image so i can launch copies of it',
    expected: 'ami',
  },
  { query: 'using my custom image in a second region', expected: 'ami' },
  {
    query: 'upload my python app and have aws set up the load balancer and autoscaling',
    expected: 'elastic-beanstalk',
  },
  { query: 'paas on aws where i just upload my java code', expected: 'elastic-beanstalk' },
  { query: 'cheap vps with a predictable monthly bill for a small blog', expected: 'lightsail' },
  {
    query: 'simplest server for someone new to aws, fixed price including bandwidth',
    expected: 'lightsail',
  },
  {
    query: 'run lots of containerized jobs from a queue using spot capacity',
    expected: 'aws-batch',
  },
  { query: 'schedule compute heavy simulation jobs that run for hours', expected: 'aws-batch' },
  { query: 'is app runner closed for new accounts', expected: 'app-runner' },
  {
    query: 'service that builds my container from a repo and gives it an https url',
    expected: 'app-runner',
  },
  { query: 'run javascript in cloudfront to redirect mobile users', expected: 'edge-functions' },
  {
    query: 'change http headers near the viewer before the request hits my origin',
    expected: 'edge-functions',
  },
  { query: 'persistent disk for my ec2 instance that survives a stop', expected: 'ebs' },
  { query: 'which volume type for a general purpose ssd boot disk', expected: 'ebs' },
  { query: 'incremental backup of an ec2 disk volume', expected: 'ebs-snapshots' },
  { query: 'copy my volume backup to another region for dr', expected: 'ebs-snapshots' },
  {
    query: 'temporary local disk on ec2 that gets wiped when the instance stops',
    expected: 'instance-store',
  },
  { query: 'fastest scratch disk physically on the host for caching', expected: 'instance-store' },
  { query: 'shared nfs drive for many linux servers across azs', expected: 'efs' },
  { query: 'file storage that grows automaticaly and many ec2 can mount', expected: 'efs' },
  { query: 'managed windows file shares with active directory and smb', expected: 'fsx' },
  { query: 'high performance parallel filesystem for hpc jobs', expected: 'fsx' },
  { query: 'cheaper s3 tier for files i read once a month', expected: 's3-storage-classes' },
  {
    query: 's3 class that moves objects for me when access patterns change',
    expected: 's3-storage-classes',
  },
  {
    query: 'automatically delete old log files in my bucket after 90 days',
    expected: 's3-lifecycle',
  },
  { query: 'transition s3 objects to cheaper storage as they get older', expected: 's3-lifecycle' },
  { query: 'how long does getting a file back from deep archive take', expected: 's3-glacier' },
  { query: 'cheapest archive storage for data i almost never read', expected: 's3-glacier' },
  { query: 'get back a file i accidentally overwrote in my bucket', expected: 's3-versioning' },
  { query: 'lock s3 objects so no one can delete them for 7 years', expected: 's3-versioning' },
  {
    query: 'automatically copy new objects in my bucket to a bucket in another region',
    expected: 's3-replication',
  },
  {
    query: 'keep a copy of my s3 data in a second account automatically',
    expected: 's3-replication',
  },
  {
    query: 'on premises servers use s3 through an nfs share with a local cache',
    expected: 'storage-gateway',
  },
  { query: 'replace our tape library backups with cloud storage', expected: 'storage-gateway' },
  { query: 'ship a physical device to move 500 tb to aws', expected: 'snow-family' },
  {
    query: 'appliance to move data offline when the internet is too slow',
    expected: 'snow-family',
  },
  {
    query: 'one central place to schedule backups for rds, dynamodb and efs',
    expected: 'aws-backup',
  },
  { query: 'backups that nobody can delete, ransomware protection', expected: 'aws-backup' },
  {
    query: 'copy files from our on prem nas to s3 over the network on a schedule',
    expected: 'datasync',
  },
  { query: 'sync data from azure blob storage into s3', expected: 'datasync' },
];
