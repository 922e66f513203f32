import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for developer tools, migration and end user: written by the reviewer, not the note's writer. */
export const DEVTOOLS_MIGRATION_PARAPHRASES: RelevanceCase[] = [
  { query: 'push my docker image somewhere ecs can pull it from', expected: 'ecr' },
  { query: 'is there a docker hub on aws', expected: 'ecr' },
  { query: 'compile java code in the cloud without a build server', expected: 'codebuild' },
  {
    query: 'run my npm tests and package the app on every push',
    expected: 'codebuild',
  },
  {
    query: 'automate the release from git push all the way to production',
    expected: 'codepipeline',
  },
  { query: 'chain build test and deploy steps together automatically', expected: 'codepipeline' },
  { query: 'roll out a new app version to my ec2 fleet with rollback', expected: 'codedeploy' },
  { query: 'deploy code to servers in my own data center', expected: 'codedeploy' },
  { query: 'terminal inside the aws console', expected: 'cloudshell' },
  {
    query: 'run aws commands in my browser without setting up credentials',
    expected: 'cloudshell',
  },
  { query: 'trace requests through my lambda functions to find slow calls', expected: 'x-ray' },
  { query: 'distributed traceing for microservices', expected: 'x-ray' },
  { query: 'deploy a next.js frontend straight from github', expected: 'amplify' },
  { query: 'backend with login and an api for frontend developers', expected: 'amplify' },
  { query: 'aws hosted git repos', expected: 'codecommit' },
  { query: 'source control like github but inside my aws account', expected: 'codecommit' },
  {
    query: 'copy my physical servers into ec2 with little downtime',
    expected: 'application-migration-service',
  },
  {
    query: 'lift our data center windows servers into ec2',
    expected: 'application-migration-service',
  },
  { query: 'dashboard showing progress of all our server migrations', expected: 'migration-hub' },
  { query: 'single view of migration status across dms and mgn', expected: 'migration-hub' },
  {
    query: 'keep managing vms with vcenter after moving to the cloud',
    expected: 'vmware-cloud-on-aws',
  },
  { query: 'broadcom vmware subscription on aws bare metal', expected: 'vmware-cloud-on-aws' },
  { query: 'give contractors a cloud pc they log into from home', expected: 'workspaces' },
  { query: 'desktop in the cloud for each employee', expected: 'workspaces' },
  { query: "stream a windows app to students' browsers", expected: 'appstream' },
  { query: 'run desktop software like autocad in a web browser', expected: 'appstream' },
  { query: 'connect temperature sensors to aws using mqtt', expected: 'iot-core' },
  { query: 'how do smart home devices send their data to the cloud', expected: 'iot-core' },
];
