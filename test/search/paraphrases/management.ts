import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for management and governance: written by the reviewer, not the note's writer. */
export const MANAGEMENT_PARAPHRASES: RelevanceCase[] = [
  { query: 'alert me when my server cpu is too high', expected: 'cloudwatch' },
  { query: 'graphs of my ec2 metrics on a dashboard', expected: 'cloudwatch' },
  { query: 'where can i search my application log files in aws', expected: 'cloudwatch-logs' },
  { query: 'make my cloudwatch log events expire after a month', expected: 'cloudwatch-logs' },
  {
    query: 'yaml template that creates my vpc and ec2 instances automatically',
    expected: 'cloudformation',
  },
  { query: 'detect resources changed manually outside my template', expected: 'cloudformation' },
  {
    query: 'why define servers in code instead of clicking in the console',
    expected: 'infrastructure-as-code',
  },
  {
    query: 'difference between declarative and imperative ways to build infrastructure',
    expected: 'infrastructure-as-code',
  },
  { query: 'define aws infrastructure with typescript classes', expected: 'aws-cdk' },
  { query: 'generate cloudformation from python code', expected: 'aws-cdk' },
  { query: 'automatically patch the os on all my servers', expected: 'systems-manager' },
  { query: 'shell into a private instance without opening port 22', expected: 'systems-manager' },
  { query: 'let developers self serve only approved templates', expected: 'service-catalog' },
  {
    query: 'central it publishes a menu of preapproved products for teams',
    expected: 'service-catalog',
  },
  {
    query: 'recommendations to downsize overprovisioned ec2 instances',
    expected: 'compute-optimizer',
  },
  { query: 'tool that says my lambda has too much memory', expected: 'compute-optimizer' },
  {
    query: 'save my architecture review and compare it with the next one',
    expected: 'well-architected-tool',
  },
  {
    query: "self review of my app's architecture in the aws console, free",
    expected: 'well-architected-tool',
  },
  { query: 'label resources with owner and project key value pairs', expected: 'resource-tags' },
  {
    query: 'bulk add tags to hundreds of resources in different regions',
    expected: 'resource-tags',
  },
  { query: 'track how many oracle licenses we use on ec2', expected: 'license-manager' },
  {
    query: "enforce byol limits so instances can't exceed purchased licences",
    expected: 'license-manager',
  },
];
