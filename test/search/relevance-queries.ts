/**
 * A relevance suite: queries people actually type, each with the one note that is genuinely its
 * best answer (checked against the text of `content/notes/*.md`). When a query here fails, the
 * ranking is wrong, not the query: fix the search or the note, never weaken the expectation.
 */
export interface RelevanceCase {
  query: string;
  expected: string;
}

export const NAMES_AND_ACRONYMS: RelevanceCase[] = [
  { query: 'sqs', expected: 'sqs' },
  { query: 'sns', expected: 'sns' },
  { query: 'nacl', expected: 'network-acls' },
  { query: 'igw', expected: 'internet-gateway' },
  { query: 'vgw', expected: 'virtual-private-gateway' },
  { query: 'dx', expected: 'direct-connect' },
  { query: 'az', expected: 'availability-zones' },
  { query: 'elb', expected: 'elastic-load-balancing' },
  { query: 'asg', expected: 'ec2-auto-scaling' },
  { query: 'ec2', expected: 'ec2' },
  { query: 'EC2', expected: 'ec2' },
  { query: 's3', expected: 's3' },
  { query: 'k8s', expected: 'eks' },
  { query: 'cdn', expected: 'cloudfront' },
  { query: 'iaas', expected: 'cloud-service-models' },
  { query: 'paas', expected: 'cloud-service-models' },
  { query: 'lambda', expected: 'lambda' },
  { query: 'ecs', expected: 'ecs' },
  { query: 'vpc', expected: 'vpc' },
  { query: 'vpn', expected: 'virtual-private-gateway' },
  { query: 'boto3', expected: 'aws-sdks' },
  { query: "what's an igw", expected: 'internet-gateway' },
];

export const TYPOS: RelevanceCase[] = [
  { query: 'lamda', expected: 'lambda' },
  { query: 'lmabda', expected: 'lambda' },
  { query: 'lamdba fnction', expected: 'lambda' },
  { query: 'fargat', expected: 'fargate' },
  { query: 'cloud front', expected: 'cloudfront' },
  { query: 'cloudfrnt', expected: 'cloudfront' },
  { query: 'availibility zone', expected: 'availability-zones' },
  { query: 'dynamo db', expected: 'dynamodb' },
  { query: 'securty group', expected: 'security-groups' },
  { query: 'kubernets', expected: 'eks' },
  { query: 'serverles', expected: 'serverless-computing' },
  { query: 'elastc load balancer', expected: 'elastic-load-balancing' },
  { query: 'direct conect', expected: 'direct-connect' },
  { query: 'api gatway', expected: 'api-gateway' },
  { query: 'managment console', expected: 'management-console' },
  { query: 'autoscalling', expected: 'ec2-auto-scaling' },
  { query: 'high availibility', expected: 'high-availability' },
  { query: 'microservies', expected: 'microservices' },
];

export const QUESTIONS: RelevanceCase[] = [
  { query: 'run containers without managing servers', expected: 'fargate' },
  { query: 'stateless firewall for a subnet', expected: 'network-acls' },
  { query: 'stateful firewall for an instance', expected: 'security-groups' },
  { query: 'firewall that can deny an ip address', expected: 'network-acls' },
  { query: 'private dedicated line from my data center to aws', expected: 'direct-connect' },
  { query: 'encrypted tunnel over the internet to my vpc', expected: 'virtual-private-gateway' },
  { query: 'connect my vpc to the internet', expected: 'internet-gateway' },
  { query: 'push a message to many subscribers', expected: 'sns' },
  { query: 'queue that holds messages until a consumer polls', expected: 'sqs' },
  { query: 'add instances automatically when traffic grows', expected: 'ec2-auto-scaling' },
  { query: 'spread traffic across instances', expected: 'elastic-load-balancing' },
  { query: 'nosql key value database', expected: 'dynamodb' },
  { query: 'cache content close to users', expected: 'cloudfront' },
  { query: 'aws hardware in my own data center', expected: 'outposts' },
  { query: 'isolated data centers inside a region', expected: 'availability-zones' },
  { query: 'which region should i choose', expected: 'regions' },
  { query: 'pay only for what you use', expected: 'pay-as-you-go' },
  { query: 'scale capacity with demand', expected: 'elasticity' },
  { query: 'what is a monolith', expected: 'monolith' },
  { query: 'tightly coupled', expected: 'tight-coupling' },
  { query: 'loosely coupled', expected: 'loose-coupling' },
  { query: 'split an application into small independent services', expected: 'microservices' },
  { query: 'react to events', expected: 'event-driven-architecture' },
  { query: 'managed kubernetes', expected: 'eks' },
  { query: 'what is docker', expected: 'containers' },
  { query: 'what is serverless', expected: 'serverless-computing' },
  { query: 'object storage for files', expected: 's3' },
  { query: 'virtual machines in the cloud', expected: 'ec2' },
  { query: 'publish a rest api', expected: 'api-gateway' },
  { query: 'command line tool', expected: 'aws-cli' },
  { query: 'web console in the browser', expected: 'management-console' },
  { query: 'every action is an api call', expected: 'api-centric' },
];

/** The whole suite; `npm run bench` reports its score too (BENCHMARKS.md). */
export const ALL_CASES: RelevanceCase[] = [...NAMES_AND_ACRONYMS, ...TYPOS, ...QUESTIONS];
