import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for networking-services: written by the reviewer, not the note's writer. */
export const NETWORKING_SERVICES_PARAPHRASES: RelevanceCase[] = [
  { query: 'buy a domain name and set up its dns records in aws', expected: 'route-53' },
  { query: 'rout53 zone for my company website', expected: 'route-53' },
  {
    query: 'send half my visitors to one region and half to another using dns',
    expected: 'route-53-routing-policies',
  },
  {
    query: 'dns answer that depends on which country the user is in',
    expected: 'route-53-routing-policies',
  },
  {
    query: 'my private ec2 instances cant download os updates from the internet',
    expected: 'nat-gateway',
  },
  {
    query: 'let servers without a public ip call external apis but block anything inbound',
    expected: 'nat-gateway',
  },
  { query: 'link two vpcs so instances talk over private ips', expected: 'vpc-peering' },
  { query: 'connect my vpc to a vpc owned by our other aws account', expected: 'vpc-peering' },
  {
    query: 'central router for fifty vpcs plus the vpn to our office',
    expected: 'transit-gateway',
  },
  {
    query: 'too many peering connections between our vpcs, what should we use instead',
    expected: 'transit-gateway',
  },
  {
    query: 'access dynamodb from a private subnet without going over the internet',
    expected: 'vpc-endpoints',
  },
  { query: 'free private path from my vpc to s3 buckets', expected: 'vpc-endpoints' },
  {
    query: 'let customers reach my api from their own vpcs without peering or internet',
    expected: 'privatelink',
  },
  {
    query: 'share one app behind a network load balancer with other accounts privately',
    expected: 'privatelink',
  },
  {
    query: 'fixed ip addresses in front of an app that runs in two regions',
    expected: 'global-accelerator',
  },
  {
    query: 'speed up a tcp and udp game server for players all over the world',
    expected: 'global-accelerator',
  },
  {
    query: 'run ec2 in los angeles for low latency video editing',
    expected: 'local-zones',
  },
  {
    query: 'aws compute in a big city that has no aws region nearby',
    expected: 'local-zones',
  },
  { query: 'deploy my app at the edge of the verizon 5g network', expected: 'wavelength' },
  {
    query: 'put servers inside the mobile operator network so phones get lower lag',
    expected: 'wavelength',
  },
  {
    query: 'employees working from home need vpn access into our vpc',
    expected: 'client-vpn',
  },
  { query: 'managed vpn for staff laptops to reach aws', expected: 'client-vpn' },
  {
    query: 'public ip of my ec2 changes every time i stop and start it',
    expected: 'elastic-ip',
  },
  { query: 'fixed public ip adress for an ec2 server', expected: 'elastic-ip' },
];
