// Stands in for modules a Lambda bundle must not carry (see serverless.yml esbuild alias).
module.exports = {};
