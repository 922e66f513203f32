import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for support-cloud-concepts: written by the reviewer, not the writer. */
export const SUPPORT_CLOUD_CONCEPTS_PARAPHRASES: RelevanceCase[] = [
  { query: 'which paid aws suport tier for production workloads', expected: 'support-plans' },
  { query: 'support included free with every aws account', expected: 'support-plans' },
  {
    query: 'which service checks my account for wasted money and security gaps',
    expected: 'trusted-advisor',
  },
  {
    query: 'automated best practice recomendations for my aws account',
    expected: 'trusted-advisor',
  },
  { query: 'are aws services having problems in my region', expected: 'health-dashboard' },
  {
    query: 'aws says my ec2 instance is scheduled for retirement, where do i see that',
    expected: 'health-dashboard',
  },
  { query: 'free community forum to ask aws questions', expected: 're-post' },
  { query: 'where can i post a question for other aws users to answer', expected: 're-post' },
  {
    query: 'buy a third party firewall appliance and pay for it through my aws invoice',
    expected: 'marketplace',
  },
  {
    query: 'where do software vendors sell their products to aws customers',
    expected: 'marketplace',
  },
  {
    query: 'consulting company validated by aws to help us move to the cloud',
    expected: 'partner-network',
  },
  { query: 'how does a software company become an apn partner', expected: 'partner-network' },
  {
    query: 'can i hire consultants from aws itself for our migration',
    expected: 'professional-services',
  },
  {
    query: 'aws runs and patches our infrastructure for us as an ongoing service',
    expected: 'professional-services',
  },
  { query: 'our assigned technical contact at aws', expected: 'technical-account-manager' },
  { query: 'what is a tam in aws suport', expected: 'technical-account-manager' },
  { query: 'reasons to adopt cloud computing', expected: 'cloud-benefits' },
  { query: 'what does the cloud do better than on premises servers', expected: 'cloud-benefits' },
  {
    query: 'mix of our own data center and aws, what is that called',
    expected: 'deployment-models',
  },
  { query: 'cloud vs on prem vs hybird', expected: 'deployment-models' },
  { query: 'what are the well architected pilars', expected: 'well-architected-framework' },
  {
    query: 'aws best practices for designing workloads, organized in pillars',
    expected: 'well-architected-framework',
  },
  {
    query: 'which pillar is about runbooks, deployments and learning from incidents',
    expected: 'operational-excellence',
  },
  {
    query: 'pillar about how teams operate workloads day to day',
    expected: 'operational-excellence',
  },
  {
    query: 'well architected pillar about protecting data and identities',
    expected: 'security-pillar',
  },
  {
    query: 'defense in depth and least privilege belong to which pillar',
    expected: 'security-pillar',
  },
  { query: 'pillar about recovering automatically from failures', expected: 'reliability-pillar' },
  { query: 'which pillar says to test your disaster recovery', expected: 'reliability-pillar' },
  {
    query: 'which pillar is about picking the right instance type for speed',
    expected: 'performance-efficiency',
  },
  {
    query: 'pillar that says experiment often and go serverless',
    expected: 'performance-efficiency',
  },
  { query: 'which pillar is about not overspending on aws', expected: 'cost-optimization' },
  {
    query: 'well architected pillar for delivering value at the lowest price',
    expected: 'cost-optimization',
  },
  {
    query: 'pillar about reducing energy use and carbon emissions',
    expected: 'sustainability-pillar',
  },
  {
    query: 'how do i make my aws workloads more environmentally friendly',
    expected: 'sustainability-pillar',
  },
  {
    query: 'aws framework with business, people and governance perspectives',
    expected: 'cloud-adoption-framework',
  },
  {
    query: 'how to prepare an organization for cloud adoption',
    expected: 'cloud-adoption-framework',
  },
  {
    query: 'ways to migrate an application: rehost, replatform and so on',
    expected: 'migration-strategies',
  },
  {
    query: 'should we lift and shift or rewrite our app when moving to aws',
    expected: 'migration-strategies',
  },
];
