import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for billing: written by the reviewer, not the note's writer. */
export const BILLING_PARAPHRASES: RelevanceCase[] = [
  {
    query: 'which ec2 payment option is best for a steady workload vs a batch job',
    expected: 'ec2-pricing-options',
  },
  { query: 'ec2 payment models compared', expected: 'ec2-pricing-options' },
  {
    query: 'pay for a vm only while it runs, no contract, per second',
    expected: 'on-demand-instances',
  },
  {
    query: 'default ec2 price if i buy no discount at all',
    expected: 'on-demand-instances',
  },
  { query: 'convertable vs standard ri', expected: 'reserved-instances' },
  {
    query: 'resell unused ris',
    expected: 'reserved-instances',
  },
  {
    query: 'commit to an hourly spend and get cheaper lambda and fargate',
    expected: 'savings-plans',
  },
  {
    query: 'discount plan that follows me when i change instance family',
    expected: 'savings-plans',
  },
  { query: 'cheap ec2 that aws can take back', expected: 'spot-instances' },
  {
    query: 'run batch rendering on spare capacity at a big discount',
    expected: 'spot-instances',
  },
  {
    query: 'bring my sql server per core licences to a physical server on aws',
    expected: 'dedicated-hosts',
  },
  { query: 'see the sockets of the server my instances run on', expected: 'dedicated-hosts' },
  {
    query: 'instances on hardware no other customer uses, billed per instance',
    expected: 'dedicated-instances',
  },
  { query: 'vpc tenancy set to dedicated', expected: 'dedicated-instances' },
  {
    query: 'make sure i can launch 50 instances in one az for a big event',
    expected: 'capacity-reservations',
  },
  {
    query: 'hold ec2 capacity for disaster recovery without a 1 year contract',
    expected: 'capacity-reservations',
  },
  { query: 'how much can i use aws for free as a new customer', expected: 'free-tier' },
  { query: 'what does the $200 sign up credit cover', expected: 'free-tier' },
  {
    query: 'estimate the monthly price of an architecture before launching it',
    expected: 'pricing-calculator',
  },
  { query: 'cost estimat tool for a new project', expected: 'pricing-calculator' },
  { query: 'get notified when my spend reaches 80% of the monthly budget', expected: 'budgets' },
  {
    query: 'automatically apply a deny policy when costs go too high',
    expected: 'budgets',
  },
  {
    query: 'chart my aws costs by service for the last six months',
    expected: 'cost-explorer',
  },
  { query: 'why did my bill go up last month', expected: 'cost-explorer' },
  {
    query: 'hourly line item billing files delivered to a bucket',
    expected: 'cost-and-usage-report',
  },
  { query: 'cur export for athena', expected: 'cost-and-usage-report' },
  {
    query: 'pay for all the accounts in my organization with one invoice',
    expected: 'consolidated-billing',
  },
  {
    query: 'do my reserved instance discounts apply to other member accounts',
    expected: 'consolidated-billing',
  },
  { query: 'split the aws bill by cost center tag', expected: 'cost-allocation-tags' },
  {
    query: 'activate a tag so it shows up in billing reports',
    expected: 'cost-allocation-tags',
  },
  {
    query: 'aws is cheaper because it buys hardware in huge volumes',
    expected: 'economies-of-scale',
  },
  {
    query: 'why aws lowers its prices as more customers use it',
    expected: 'economies-of-scale',
  },
  {
    query: 'compare running my own servers with running them on aws over 3 years',
    expected: 'total-cost-of-ownership',
  },
  {
    query: 'business case for leaving our data centre including power and staff',
    expected: 'total-cost-of-ownership',
  },
];
