import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for identity: written by the reviewer, not the note's writer. */
export const IDENTITY_PARAPHRASES: RelevanceCase[] = [
  {
    query: 'what security does amazon handle and what is left to me',
    expected: 'shared-responsibility-model',
  },
  { query: 'is patching my servers aws job or mine', expected: 'shared-responsibility-model' },
  { query: 'decide which staff can do what in my aws account', expected: 'iam' },
  { query: 'authn vs authz in aws', expected: 'iam' },
  {
    query: 'give all my developers the same permissions at once',
    expected: 'iam-users-and-groups',
  },
  { query: 'can i put one iam group inside another', expected: 'iam-users-and-groups' },
  { query: 'let my ec2 server read s3 without storing keys on it', expected: 'iam-roles' },
  { query: 'temporary creds so another account can reach my stuff', expected: 'iam-roles' },
  {
    query: 'json document with effect allow or deny and a list of actions',
    expected: 'iam-policies',
  },
  { query: 'one policy says allow the other says deny, who wins', expected: 'iam-policies' },
  { query: 'the email login that owns the whole aws account', expected: 'root-user' },
  { query: 'things only the account owner login is allowed to do', expected: 'root-user' },
  { query: 'add a code from my phone to the aws console login', expected: 'mfa' },
  { query: 'hardware key for signing in to aws', expected: 'mfa' },
  { query: 'give people only the access they really need', expected: 'least-privilege' },
  { query: 'find permissions nobody has used in months', expected: 'least-privilege' },
  { query: 'lost my secret key for the aws cli', expected: 'access-keys' },
  { query: 'programatic credentials for an iam user', expected: 'access-keys' },
  { query: 'one login for staff across all our aws accounts', expected: 'iam-identity-center' },
  { query: 'okta single sign on into the aws console', expected: 'iam-identity-center' },
  { query: 'login and signup for the users of my react app', expected: 'cognito' },
  { query: 'let customers log in to my app with their google account', expected: 'cognito' },
  { query: 'run 30 aws accounts from one place', expected: 'organizations' },
  { query: 'group accounts into prod and dev folders', expected: 'organizations' },
  {
    query: 'block every account in my company from regions outside europe',
    expected: 'service-control-policies',
  },
  {
    query: 'limit what member accounts can do, even their admins',
    expected: 'service-control-policies',
  },
  {
    query: 'set up a well architected multi account environment automatically',
    expected: 'control-tower',
  },
  { query: 'preventive and detective guardrails for new accounts', expected: 'control-tower' },
  { query: 'get the aws iso 27001 certificate for my auditor', expected: 'aws-artifact' },
  { query: 'accept the hipaa business associate agreement with aws', expected: 'aws-artifact' },
  { query: 'is aws fedramp authorized', expected: 'compliance-programs' },
  {
    query: 'can i keep credit card data on aws, is it pci certified',
    expected: 'compliance-programs',
  },
];
