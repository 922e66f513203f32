import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One in-memory DynamoDB Local for the whole run; store tests create their own tables.
    globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
    testTimeout: 20_000,
    // The SDK's Node 22 notice would otherwise repeat in every test file's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 60_000,
  },
});
