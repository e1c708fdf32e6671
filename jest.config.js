// Jest: two projects. `unit` is pure and fast (fakes allowed); `integration` runs real parts (DynamoDB Local,
// the CDK CLI). TypeScript is compiled by SWC; types are checked separately by `tsc --noEmit`.
/** ESM-only packages that SWC must compile to CommonJS for Jest. */
const esm = [
  '@middy',
  'jose',
  'mrz',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'request-filtering-agent',
].join('|');

const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esm})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  extensionsToTreatAsEsm: [],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // file-type exports only `import` conditions; Jest resolves with `require`, so point it at the Node entry.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      slowTestThreshold: 30,
    },
  ],
};
