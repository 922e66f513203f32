import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for foundations: written by the reviewer, not the note's writer. */
export const FOUNDATIONS_PARAPHRASES: RelevanceCase[] = [
  { query: 'is clicking in the console just an api call underneath', expected: 'api-centric' },
  { query: 'why can anything i do in aws be scripted', expected: 'api-centric' },
  { query: 'sell access to my api with keys and usage limits', expected: 'api-gateway' },
  { query: 'managed https endpoint in front of lambda with throttling', expected: 'api-gateway' },
  {
    query: 'are the data centers inside one region in separate buildings',
    expected: 'availability-zones',
  },
  { query: 'my us-east-1a isnt the same as my coworkers', expected: 'availability-zones' },
  { query: 'run aws commands from my laptop terminal', expected: 'aws-cli' },
  { query: 'list my s3 buckets from a bash script', expected: 'aws-cli' },
  { query: 'python library to call dynamodb from my app', expected: 'aws-sdks' },
  { query: 'which library does my java code use to upload to s3', expected: 'aws-sdks' },
  {
    query: 'cloud model where i only upload code and the provider runs the rest',
    expected: 'cloud-service-models',
  },
  { query: 'who manages the operating system in iaas vs paas', expected: 'cloud-service-models' },
  {
    query: 'speed up image downloads for users in asia from my us bucket',
    expected: 'cloudfront',
  },
  { query: 'content delivery netwrok on aws', expected: 'cloudfront' },
  {
    query: 'why do containers start faster than a server with its own guest os',
    expected: 'containers',
  },
  {
    query: 'package my app with its libraries so it runs the same on every machine',
    expected: 'containers',
  },
  { query: 'we need a 10 gbps physical connection into aws', expected: 'direct-connect' },
  {
    query: 'does traffic over a dedicated aws line get encrypted automatically',
    expected: 'direct-connect',
  },
  {
    query: 'pay per request database that handles spikes without capacity planning',
    expected: 'dynamodb',
  },
  { query: 'dynamo table partiton key and sort key', expected: 'dynamodb' },
  {
    query: 'launch more servers automatically when cpu goes above 70 percent',
    expected: 'ec2-auto-scaling',
  },
  {
    query: 'replace a crashed instance automatically so 3 keep running',
    expected: 'ec2-auto-scaling',
  },
  { query: 'rent a virtual server and pick its cpu and ram', expected: 'ec2' },
  { query: 'i need a windows server in the cloud that i fully control', expected: 'ec2' },
  { query: 'elastic container servce task and service', expected: 'ecs' },
  {
    query: 'simplest way to orchestrate docker on aws if we dont know kubernetes',
    expected: 'ecs',
  },
  { query: 'are there more aws edge sites than regions', expected: 'edge-locations' },
  { query: 'can i launch a server at an aws edge site near lagos', expected: 'edge-locations' },
  { query: 'we use kubectl on prem and want the same on aws', expected: 'eks' },
  { query: 'hourly fee for a kubernetes cluster on aws', expected: 'eks' },
  {
    query: 'send /api and /images requests to different target groups',
    expected: 'elastic-load-balancing',
  },
  {
    query: 'layer 4 load balancer with a fixed ip in each zone',
    expected: 'elastic-load-balancing',
  },
  { query: 'is elasticity the same as scalabilty', expected: 'elasticity' },
  {
    query: 'capacity that follows the load up and back down on its own',
    expected: 'elasticity',
  },
  {
    query: 'design where services publish events and others react to them',
    expected: 'event-driven-architecture',
  },
  {
    query: 'producer doesnt know who consumes its events',
    expected: 'event-driven-architecture',
  },
  {
    query: 'how do cloudfront ec2 dynamodb lambda and s3 fit together in one app',
    expected: 'example-web-architecture',
  },
  {
    query: 'typical aws setup for a website with image uploads',
    expected: 'example-web-architecture',
  },
  { query: 'how is fargate priced per vcpu and gb', expected: 'fargate' },
  {
    query: 'long-running container service without managing ec2 instances',
    expected: 'fargate',
  },
  {
    query: 'keep my website up if a whole data center goes down',
    expected: 'high-availability',
  },
  { query: 'keep serving users when one zone of the region fails', expected: 'high-availability' },
  {
    query: 'which vpc component gives public instances a path to the internet',
    expected: 'internet-gateway',
  },
  {
    query: 'instance has a public ip but the vpc has no way out to the internet',
    expected: 'internet-gateway',
  },
  {
    query: 'run a function when a file is uploaded and pay per millisecond',
    expected: 'lambda',
  },
  { query: 'max run time of a serverless function on aws', expected: 'lambda' },
  {
    query: 'put a buffer between services so one can fail without breaking the other',
    expected: 'loose-coupling',
  },
  { query: 'decouple the order service from the email service', expected: 'loose-coupling' },
  {
    query: 'where do i click to create resources on the aws website',
    expected: 'management-console',
  },
  {
    query: 'my resources vanished from the web ui, wrong region selected?',
    expected: 'management-console',
  },
  { query: 'how does a message queue work', expected: 'messaging-and-queuing' },
  {
    query: 'producers and consumers exchanging messages asynchronously',
    expected: 'messaging-and-queuing',
  },
  { query: 'each team deploys its own service independently', expected: 'microservices' },
  { query: 'downsides of a micro service architecture', expected: 'microservices' },
  { query: 'whole app in one codebase deployed together', expected: 'monolith' },
  { query: 'one big application where a single bug crashes everything', expected: 'monolith' },
  {
    query: 'numbered subnet rules that can block a single address',
    expected: 'network-acls',
  },
  {
    query: 'why do i need outbound rules for ports 1024-65535 on my subnet',
    expected: 'network-acls',
  },
  { query: 'run ec2 inside our own factory on aws managed racks', expected: 'outposts' },
  { query: 'aws rack installed on premises for low latency', expected: 'outposts' },
  {
    query: 'turn hardware capex into a bill that follows usage',
    expected: 'pay-as-you-go',
  },
  { query: 'how does metered billing work on aws', expected: 'pay-as-you-go' },
  { query: 'data must stay in germany, which aws location', expected: 'regions' },
  { query: 'how to pick between frankfurt and ireland for my app', expected: 'regions' },
  { query: 'where to put user uploaded photos durably', expected: 's3' },
  { query: 'max size of a single object in a bucket', expected: 's3' },
  { query: 'allow port 443 to my web server', expected: 'security-groups' },
  {
    query: 'firewall on a network interface that remembers connections',
    expected: 'security-groups',
  },
  {
    query: 'what do people mean by no servers to manage',
    expected: 'serverless-computing',
  },
  { query: 'trade offs of going serverless', expected: 'serverless-computing' },
  {
    query: 'send one notification to email, sms and a lambda at once',
    expected: 'sns',
  },
  { query: 'send a text message from my application on aws', expected: 'sns' },
  { query: 'how long can messages sit in a queue before they are deleted', expected: 'sqs' },
  { query: 'message shows up again after my worker crashed', expected: 'sqs' },
  { query: 'split my vpc into public and private ip ranges per az', expected: 'subnets' },
  { query: 'why does aws reserve 5 ip adresses in my subnet', expected: 'subnets' },
  {
    query: 'service a waits on service b and fails whenever b is down',
    expected: 'tight-coupling',
  },
  {
    query: 'cascading failure because services call each other directly',
    expected: 'tight-coupling',
  },
  {
    query: 'encrypted link from a branch office to aws set up in minutes',
    expected: 'virtual-private-gateway',
  },
  {
    query: 'why does my aws vpn connection have two tunnels',
    expected: 'virtual-private-gateway',
  },
  { query: 'my own isolated network in aws with my own ip range', expected: 'vpc' },
  { query: 'does every region come with a default virtual network', expected: 'vpc' },
];
