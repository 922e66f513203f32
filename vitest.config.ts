import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One in-memory DynamoDB Local for the whole run; store tests create their own tables.
    globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
