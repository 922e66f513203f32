import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for security services: written by the reviewer, not the note's writer. */
export const SECURITY_SERVICES_PARAPHRASES: RelevanceCase[] = [
  { query: 'create my own encryption key and decide who can use it', expected: 'kms' },
  { query: 'who decrypted data with my key', expected: 'kms' },
  { query: 'encrypt data on disk vs over the network', expected: 'encryption' },
  { query: 'client side or server side encrytion', expected: 'encryption' },
  {
    query: 'keys in hardware only we control, not shared with other customers',
    expected: 'cloudhsm',
  },
  { query: 'hsm for oracle tde and code signing', expected: 'cloudhsm' },
  { query: 'where to put the db password so its not in my code', expected: 'secrets-manager' },
  { query: 'change the rds password automatically every month', expected: 'secrets-manager' },
  { query: 'free place to keep feature flags and config values', expected: 'parameter-store' },
  {
    query: 'read an encrypted config value from systems manager in my lambda',
    expected: 'parameter-store',
  },
  { query: 'https cert for my alb', expected: 'certificate-manager' },
  { query: 'free tls certificate that renews itself', expected: 'certificate-manager' },
  { query: 'protect my site from a flood of traffic', expected: 'shield' },
  {
    query: '24/7 experts to help during a ddos attack plus refunds for scaling costs',
    expected: 'shield',
  },
  { query: 'stop xss and sqli in requests to my alb', expected: 'waf' },
  { query: 'limit how many requests one ip can send to my api', expected: 'waf' },
  {
    query: 'same firewall rules in every account of my organization',
    expected: 'firewall-manager',
  },
  {
    query: 'centraly manage waf and security groups for many accounts',
    expected: 'firewall-manager',
  },
  { query: 'is someone mining crypto on my ec2 instance', expected: 'guardduty' },
  { query: 'alert me when my aws account looks hacked', expected: 'guardduty' },
  { query: 'find cves in the packages on my ec2 instances', expected: 'inspector' },
  { query: 'scan lambda code for vulnerabilites', expected: 'inspector' },
  { query: 'does any object in my s3 hold customers phone numbers', expected: 'macie' },
  { query: 'which buckets contain personal information', expected: 'macie' },
  { query: 'one dashboard for guardduty inspector and macie findings', expected: 'security-hub' },
  { query: 'compliance score against cis benchmark', expected: 'security-hub' },
  { query: 'dig into a guardduty alert to find the root cause', expected: 'detective' },
  { query: 'investigate what a compromised role did', expected: 'detective' },
  { query: 'audit log of who signed in to the console and from what ip', expected: 'cloudtrail' },
  { query: 'record of api calls for a compliance audit', expected: 'cloudtrail' },
  { query: 'track changes to resource settings over time', expected: 'aws-config' },
  { query: 'check resources for compliance with rules', expected: 'aws-config' },
  { query: 'log accepted and rejected connections to my instances', expected: 'vpc-flow-logs' },
  { query: 'capture ip traffic info for a network interface', expected: 'vpc-flow-logs' },
  { query: 'filter outbound traffic from my vpc by domain name', expected: 'network-firewall' },
  {
    query: 'detect and block exploits in network traffic entering my vpc',
    expected: 'network-firewall',
  },
];
