import type { RelevanceCase } from './relevance-queries.js';
/**
 * Held-out queries, written 2026-11-29 by a reader who saw only the notes' titles: never their
 * bodies, aliases, keywords or asks, and never the search. Measured once, then frozen: do not
 * tune notes or search against it (curators work from the other suites); write a new set instead.
 */
export const HELD_OUT: RelevanceCase[] = [
  {
    query: 'leaked my programmatic key id and secret on github, what now',
    expected: 'access-keys',
  },
  { query: 'need a hosted message broker for our existing activemq app', expected: 'amazon-mq' },
  {
    query: 'generative ai assistant in the console that helps devs write code',
    expected: 'amazon-q',
  },
  { query: 'golden image so every new vm boots with our software preinstalled', expected: 'ami' },
  { query: 'frontend dev, want hosting plus auth for my react app fast', expected: 'amplify' },
  { query: 'is every action in aws just an api call under the hood?', expected: 'api-centric' },
  { query: 'publish a rest api with throttling in front of my lambdas', expected: 'api-gateway' },
  { query: 'simplest way to run a container web service from my repo', expected: 'app-runner' },
  {
    query: 'lift and shift physical servers to ec2 with continous block replication',
    expected: 'application-migration-service',
  },
  {
    query: 'stream one desktop app to users browsers without a full virtual desktop',
    expected: 'appstream',
  },
  { query: 'graphql api with real-time subscriptions for my mobile app', expected: 'appsync' },
  { query: 'run sql directly on csv files sitting in a bucket, no loading', expected: 'athena' },
  { query: 'mysql compatible db that aws claims is 5x faster', expected: 'aurora' },
  {
    query: 'what are the isolated data centers inside one region called',
    expected: 'availability-zones',
  },
  { query: 'auditor wants aws soc 2 report, where do i download it', expected: 'aws-artifact' },
  {
    query: 'centrally schedule backups for ebs, rds and dynamodb with one policy',
    expected: 'aws-backup',
  },
  {
    query: 'queue thousands of overnight compute jobs and let aws provision servers',
    expected: 'aws-batch',
  },
  {
    query: 'define my infrastructure in typescript instead of writing yaml templates',
    expected: 'aws-cdk',
  },
  { query: 'control aws resources by typing commands in my local terminal', expected: 'aws-cli' },
  {
    query: 'which resources break rules like unencrypted volumes + their change history',
    expected: 'aws-config',
  },
  { query: 'what library do i use to call aws services from python code', expected: 'aws-sdks' },
  { query: 'use claude or llama models through an api without hosting them', expected: 'bedrock' },
  { query: 'email me when my monthly spend goes over $50', expected: 'budgets' },
  {
    query: 'guarantee ec2 capacity in one az without a 1yr commitment',
    expected: 'capacity-reservations',
  },
  {
    query: 'free ssl certificate for my load balancer that renews itself',
    expected: 'certificate-manager',
  },
  {
    query: 'remote employees need to connect laptops into the vpc securely',
    expected: 'client-vpn',
  },
  {
    query:
      'guidance for cloud transformation organized into perspectives like people and governance',
    expected: 'cloud-adoption-framework',
  },
  { query: 'why go cloud? the list with "stop guessing capacity"', expected: 'cloud-benefits' },
  { query: 'whats the diff between iaas paas and saas', expected: 'cloud-service-models' },
  { query: 'cloudformation stack from a yaml template', expected: 'cloudformation' },
  { query: 'cdn to speed up images and video for users around the world', expected: 'cloudfront' },
  {
    query: 'dedicated hardware security module, fips 140-2 level 3, i control keys',
    expected: 'cloudhsm',
  },
  { query: 'browser based terminal inside the console already logged in', expected: 'cloudshell' },
  { query: 'who deleted my bucket? find which user made the api cal', expected: 'cloudtrail' },
  { query: 'where do my lambda print statements end up?', expected: 'cloudwatch-logs' },
  { query: 'alarm when cpu utilization on my instance stays above 80%', expected: 'cloudwatch' },
  { query: 'want something that compiles my code and runs unit tests', expected: 'codebuild' },
  { query: 'private git repos hosted by amazon, like a privte github', expected: 'codecommit' },
  {
    query: 'automate rolling out new app versions to ec2 and on-prem servers',
    expected: 'codedeploy',
  },
  {
    query: 'automate the whole release flow from commit through build to prod',
    expected: 'codepipeline',
  },
  { query: 'add sign-up and login for customers of my mobile app', expected: 'cognito' },
  { query: 'does aws meet hipaa, pci dss and gdpr requirements?', expected: 'compliance-programs' },
  { query: 'detect sentiment and key phrases in customer reviews', expected: 'comprehend' },
  {
    query: 'ml based rightsizing recomendations for my overprovisioned instances',
    expected: 'compute-optimizer',
  },
  {
    query: 'one bill for all our company accounts and shared volume discounts',
    expected: 'consolidated-billing',
  },
  { query: 'what is a container and how is it different from a vm', expected: 'containers' },
  {
    query: 'set up a multi-account landing zone with guardrails automatically',
    expected: 'control-tower',
  },
  {
    query: 'activate tags so the bill breaks down spend by project',
    expected: 'cost-allocation-tags',
  },
  {
    query: 'most detailed hourly line item billing data delivered to s3',
    expected: 'cost-and-usage-report',
  },
  {
    query: 'graph my spending by service over the last 12 months and forecast',
    expected: 'cost-explorer',
  },
  {
    query: 'well architected pillar about avoiding unnecessary spend',
    expected: 'cost-optimization',
  },
  {
    query: 'deliver streaming clickstream into s3 near real time, no consumer code',
    expected: 'data-firehose',
  },
  {
    query: 'move oracle database to aws while source keeps running, minimal downtime',
    expected: 'database-migration-service',
  },
  { query: 'copy millions of files from an on-prem nfs share to s3 online', expected: 'datasync' },
  { query: 'microsecond in-memory cache in front of dynamodb', expected: 'dax' },
  {
    query: 'bring my per-socket windows server licenses, need a whole physical box',
    expected: 'dedicated-hosts',
  },
  {
    query: 'hardware not shared with other customers but i dont care which host',
    expected: 'dedicated-instances',
  },
  {
    query: 'hybrid vs on premises vs all in cloud, whats the difference',
    expected: 'deployment-models',
  },
  {
    query: 'investigate root cause of a security finding by visualizing related activity',
    expected: 'detective',
  },
  {
    query: 'dedicated private line from my data center to aws, not over internet',
    expected: 'direct-connect',
  },
  { query: 'move our mongo json document store to a managed aws database', expected: 'documentdb' },
  { query: 'serverless nosql key-value table with single digit ms latency', expected: 'dynamodb' },
  {
    query: 'point-in-time backup of a volume, copyable to another region',
    expected: 'ebs-snapshots',
  },
  { query: 'block storage disk for my instance that survives a stop', expected: 'ebs' },
  {
    query: 'instance group with min/max/desired capacity that adds servers on spikes',
    expected: 'ec2-auto-scaling',
  },
  {
    query: 'compute optimized vs memory optimized families, which to pick',
    expected: 'ec2-instance-types',
  },
  { query: 'overview of every way to pay for virtual servers', expected: 'ec2-pricing-options' },
  { query: 'rent a virtual server in the cloud', expected: 'ec2' },
  {
    query: 'why does aws keep lowering prices? huge aggregate usage',
    expected: 'economies-of-scale',
  },
  { query: 'private registry to push my docker images to', expected: 'ecr' },
  { query: "aws's own container orchestrator, not kubernetes", expected: 'ecs' },
  { query: 'run tiny code at cdn locations to rewrite headers', expected: 'edge-functions' },
  {
    query: 'what are points of presence and how are they different from regions',
    expected: 'edge-locations',
  },
  { query: 'shared file system many linux instances can mount at once', expected: 'efs' },
  { query: 'managed kubernetes control plane on aws', expected: 'eks' },
  {
    query: 'upload my .war and it sets up servers, load balancing, scaling',
    expected: 'elastic-beanstalk',
  },
  {
    query: 'static public ipv4 that stays the same after instance restart',
    expected: 'elastic-ip',
  },
  {
    query: 'spread incomming traffic across several instances',
    expected: 'elastic-load-balancing',
  },
  { query: 'managed redis or memcached to speed up database reads', expected: 'elasticache' },
  { query: 'concept of capacity growing and shrinking to match demand', expected: 'elasticity' },
  { query: 'process big data with spark and hadoop clusters', expected: 'emr' },
  { query: 'encrypting data at rest vs in transit', expected: 'encryption' },
  {
    query: 'design style where components react to things happening instead of polling',
    expected: 'event-driven-architecture',
  },
  { query: 'trigger my function on a cron schedule every night', expected: 'eventbridge' },
  { query: 'typical 3 tier web app diagram on aws', expected: 'example-web-architecture' },
  { query: 'run containers on ecs without managing the underlying servers', expected: 'fargate' },
  { query: 'centrally push waf rules to every account in my org', expected: 'firewall-manager' },
  { query: 'what can i use free for 12 months on a new account', expected: 'free-tier' },
  { query: 'managed windows file server with smb and active directory', expected: 'fsx' },
  {
    query: 'static anycast ips routing game traffic over aws backbone',
    expected: 'global-accelerator',
  },
  { query: 'serverless etl jobs plus a crawler that builds a data catalog', expected: 'glue' },
  { query: 'threat detection that notices crypto minning in my account', expected: 'guardduty' },
  {
    query: 'is aws having an outage right now that affects my resources',
    expected: 'health-dashboard',
  },
  {
    query: 'highly available vs fault tolerant, whats the differnce',
    expected: 'high-availability',
  },
  {
    query: 'single sign on for employees across many aws accounts',
    expected: 'iam-identity-center',
  },
  { query: 'json document that allows or denies actions on resources', expected: 'iam-policies' },
  {
    query: 'give my instance permission to read s3 without storing keys on it',
    expected: 'iam-roles',
  },
  {
    query: 'put 10 developers together so they all get the same permissions',
    expected: 'iam-users-and-groups',
  },
  { query: 'which service controls who can access what in my account', expected: 'iam' },
  {
    query: 'why define servers and networks in code files instead of clicking',
    expected: 'infrastructure-as-code',
  },
  { query: 'scan instances and container images for cves automatically', expected: 'inspector' },
  {
    query: 'temporary disk on the host that is lost when the instance stops',
    expected: 'instance-store',
  },
  {
    query: 'what lets my vpc talk to the internet in both directions',
    expected: 'internet-gateway',
  },
  { query: 'connect millions of sensors to the cloud over mqtt', expected: 'iot-core' },
  { query: 'natural language search over our internal company documents', expected: 'kendra' },
  { query: 'we run cassandra, is there a serverless version on aws', expected: 'keyspaces' },
  {
    query: 'ingest real time streaming data with my own consumers and replay',
    expected: 'kinesis-data-streams',
  },
  { query: 'create and manage the keys that encrypt my s3 and ebs data', expected: 'kms' },
  { query: 'build a secure data lake with fine grained permisions', expected: 'lake-formation' },
  { query: 'run a function whenever a file is uploaded, no server to manage', expected: 'lambda' },
  { query: 'only give users the minimum permissions they need', expected: 'least-privilege' },
  { query: 'build a chatbot with voice and text conversation', expected: 'lex' },
  {
    query: 'track oracle and windows licenses across on-prem and aws',
    expected: 'license-manager',
  },
  {
    query: 'cheap simple vps with fixed monthly price for a wordpress blog',
    expected: 'lightsail',
  },
  { query: 'low latency compute near a big city far from any region', expected: 'local-zones' },
  { query: 'decouple components so one failing doesnt break the rest', expected: 'loose-coupling' },
  { query: 'find pii and sensitve data in my buckets', expected: 'macie' },
  { query: 'run apache kafka without managing brokers', expected: 'managed-streaming-kafka' },
  { query: 'web ui where you click around to manage everything', expected: 'management-console' },
  {
    query: 'buy third party software like firewall appliances ready to launch',
    expected: 'marketplace',
  },
  { query: 'durable redis-compatible in-memory primary database', expected: 'memorydb' },
  {
    query: 'messaging and queuing basics, why pass messages through a buffer',
    expected: 'messaging-and-queuing',
  },
  { query: 'require a code from my phone when signing in', expected: 'mfa' },
  {
    query: 'break the app into small independent services each with its own api',
    expected: 'microservices',
  },
  {
    query: 'one place to track progress of migrating apps across tools',
    expected: 'migration-hub',
  },
  {
    query: 'rehost vs replatform vs refactor vs retire, which one when',
    expected: 'migration-strategies',
  },
  { query: 'whole app in one big codebase deployed as a single unit', expected: 'monolith' },
  {
    query: 'private subnet instances need to download updates but stay unreachable',
    expected: 'nat-gateway',
  },
  {
    query: 'graph database for social network relationships, friends of friends',
    expected: 'neptune',
  },
  { query: 'stateless allow and deny rules at the subnet level', expected: 'network-acls' },
  {
    query: 'managed stateful firewall with intrusion prevention for the whole vpc',
    expected: 'network-firewall',
  },
  {
    query: 'pay by the second with no commitment for short unpredictable workloads',
    expected: 'on-demand-instances',
  },
  {
    query: 'hosted elasticsearch cluster for log analytics and search',
    expected: 'opensearch-service',
  },
  {
    query: 'pillar about running and monitoring systems, ops as code',
    expected: 'operational-excellence',
  },
  { query: 'manage many aws accounts centrally grouped into ous', expected: 'organizations' },
  { query: 'aws racks installed in my own data center', expected: 'outposts' },
  {
    query: 'keep app config values like feature flags in a central hierarchy',
    expected: 'parameter-store',
  },
  {
    query: 'find a certified consulting company that partners with aws',
    expected: 'partner-network',
  },
  { query: 'pay only for what you use instead of big upfront costs', expected: 'pay-as-you-go' },
  {
    query: 'pillar about picking the right resource types and going global in minutes',
    expected: 'performance-efficiency',
  },
  {
    query: 'product recomendations for my online shop like amazon.com has',
    expected: 'personalize',
  },
  { query: 'turn text into lifelike speach audio', expected: 'polly' },
  { query: 'estimate monthly cost before i build my architecture', expected: 'pricing-calculator' },
  {
    query: 'expose my saas service privately to customer vpcs without peering',
    expected: 'privatelink',
  },
  {
    query: 'hire aws own experts for migration or have aws operate my infra',
    expected: 'professional-services',
  },
  { query: 'build bi dashboards and charts from my data', expected: 'quicksight' },
  {
    query: 'synchronous standby copy of my database for automatic failover',
    expected: 'rds-multi-az',
  },
  { query: 'offload read heavy traffic from my mysql db to copies', expected: 'rds-read-replicas' },
  { query: 'postgres where aws does the patching and backups for me', expected: 'rds' },
  { query: 'comunity q&a forum to ask aws questions', expected: 're-post' },
  { query: 'data warehouse for analytics on petabytes of sales data', expected: 'redshift' },
  {
    query: 'how to choose a geographic location to deploy, latency and data residency',
    expected: 'regions',
  },
  { query: 'detect faces and objects in photoes', expected: 'rekognition' },
  {
    query: 'well architected pillar about recovering from failures',
    expected: 'reliability-pillar',
  },
  {
    query: 'reserved instances 1 or 3 year commitment on a specific instance type',
    expected: 'reserved-instances',
  },
  { query: 'key value labels on resources to organize them', expected: 'resource-tags' },
  {
    query: 'the email login with full account access, should i use it daily',
    expected: 'root-user',
  },
  {
    query: 'send users to the closest region by latency or do weighted dns',
    expected: 'route-53-routing-policies',
  },
  { query: 'register a domian name and manage dns records', expected: 'route-53' },
  {
    query: 'cheapest archive tier for data i almost never retrieve, hours to restore',
    expected: 's3-glacier',
  },
  {
    query: 'move objects to a cheaper class after 30 days, delete after 1yr',
    expected: 's3-lifecycle',
  },
  {
    query: 'automatically copy new objects to a bucket in another region',
    expected: 's3-replication',
  },
  {
    query: 'compare standard vs intelligent tiering vs infrequent access',
    expected: 's3-storage-classes',
  },
  { query: 'recover an object i accidentally overwrote in my bucket', expected: 's3-versioning' },
  { query: 'store unlimited photos as objects in buckets', expected: 's3' },
  { query: 'build, train and deploy my own ml models', expected: 'sagemaker-ai' },
  {
    query: 'commit to $ per hour of compute across ec2, lambda and fargate',
    expected: 'savings-plans',
  },
  {
    query: 'convert oracle schema and stored procedures to postgres',
    expected: 'schema-conversion-tool',
  },
  { query: 'store db password and rotate it automaticaly', expected: 'secrets-manager' },
  { query: 'security groups inbound rule for port 22', expected: 'security-groups' },
  {
    query: 'one dashboard aggregating findings from guardduty, inspector and macie',
    expected: 'security-hub',
  },
  {
    query: 'well-architected pillar about protecting data and systems',
    expected: 'security-pillar',
  },
  { query: 'what does serverless actually mean', expected: 'serverless-computing' },
  {
    query: 'let teams launch only pre-approved products from a catalog',
    expected: 'service-catalog',
  },
  {
    query: 'block every account in an ou from using a region',
    expected: 'service-control-policies',
  },
  { query: 'send transactional and marketing emails from my app', expected: 'ses' },
  { query: 'who patches the guest os on ec2, me or aws?', expected: 'shared-responsibility-model' },
  { query: 'protect my site from ddos atacks', expected: 'shield' },
  { query: 'ship 80tb to aws on a physical device, internet too slow', expected: 'snow-family' },
  { query: 'fan out one message to many subscribers by email and sms', expected: 'sns' },
  { query: 'cheap interruptible spare capacity at up to 90% off', expected: 'spot-instances' },
  { query: 'queue to decouple my order service from the background worker', expected: 'sqs' },
  {
    query: 'orchestrate several lambdas as a visual workflow with retries',
    expected: 'step-functions',
  },
  {
    query: 'on-prem apps use cloud storage through a local hybrid appliance',
    expected: 'storage-gateway',
  },
  { query: 'public vs private subnet difference', expected: 'subnets' },
  {
    query: 'which support plan gives 15 min response for business critical outage',
    expected: 'support-plans',
  },
  {
    query: 'reduce the carbon footprint of my workloads, which pillar',
    expected: 'sustainability-pillar',
  },
  { query: 'patch and run commands on a fleet of instances', expected: 'systems-manager' },
  {
    query: 'dedicated person at aws who proactively guides my team',
    expected: 'technical-account-manager',
  },
  { query: 'extract text and tables from scanned pdf forms', expected: 'textract' },
  {
    query: 'tightly coupled meaning, if one component fails all fail?',
    expected: 'tight-coupling',
  },
  { query: 'time series database for iot sensor readings', expected: 'timestream' },
  {
    query: 'tco: on-prem data center incl power and staff vs aws',
    expected: 'total-cost-of-ownership',
  },
  { query: 'convert call recordings from speech to text', expected: 'transcribe' },
  { query: 'connect 50 vpcs and on-prem in a hub and spoke', expected: 'transit-gateway' },
  { query: 'translate my website into spanish automaticly', expected: 'translate' },
  {
    query: 'automated best practice checks like open ports and idle resources',
    expected: 'trusted-advisor',
  },
  {
    query: 'encrypted ipsec tunnel from office router to my vpc over the internet',
    expected: 'virtual-private-gateway',
  },
  { query: 'move our vsphere vms to aws without changing them', expected: 'vmware-cloud-on-aws' },
  {
    query: 'reach s3 from a private subnet without going through a nat',
    expected: 'vpc-endpoints',
  },
  {
    query: 'capture ip traffic info going in and out of network interfaces',
    expected: 'vpc-flow-logs',
  },
  { query: 'conect two vpcs privately one to one', expected: 'vpc-peering' },
  { query: 'my own isolated private network in aws', expected: 'vpc' },
  { query: 'block sql injection and xss on my web app', expected: 'waf' },
  { query: 'ultra low latency apps for mobile users on 5g networks', expected: 'wavelength' },
  {
    query: 'what are the 6 pillars for designing good architectures',
    expected: 'well-architected-framework',
  },
  {
    query: 'review my workload against the pillars in the console, get a report',
    expected: 'well-architected-tool',
  },
  { query: 'virtual desktops for remote employes', expected: 'workspaces' },
  { query: 'trace requests through my microservices to find the slow call', expected: 'x-ray' },
];
export const HELD_OUT_OFF_TOPIC: string[] = [
  // everyday life
  'best chocolate chip cookie recipe',
  'will it rain tomorrow in seattle',
  'who won the 2022 world cup final',
  'how long to boil an egg soft',
  'cheap flights to lisbon in march',
  'how do i fix a leaky kitchen faucet',
  'good stretches for lower back pain',
  'get red wine out of a carpet',
  'best dog breed for a small apartment',
  'what time does the nba game start tonight',
  // general programming
  'python list comprehension with if else',
  'git undo last commit but keep my changes',
  'center a div with flexbox css',
  'regex to match an email address',
  'javascript let vs var difference',
  'rust borrow checker lifetime error',
  'how to reverse a linked list',
  'typescript generic constraint with keyof',
  'bash loop over files in a directory',
  'java null pointer exception how to fix',
  // other clouds / products
  'azure blob storage sas token expiry',
  'gcp bigquery partitioned table setup',
  'netlify redirects file syntax',
  'heroku dyno sleeping on free plan',
  'helm chart values override',
  'terraform state locking',
  'kubectl port-forward to a pod',
  'cloudflare workers kv limits',
  'vercel env variables for preview deploys',
  'azure ad conditional access policy',
  // near-miss aws-ish, not exam concepts
  'aws re:invent 2025 dates',
  'salary of an aws solutions architect',
  'how to cancel my amazon prime',
  'where is my amazon package',
  'amazon stock price today',
  'who is the ceo of aws',
  'cloud practitioner exam voucher discount code',
  'aws summit london tickets',
  'how to apply for a job at aws',
  'set up an alexa routine for my lights',
];
