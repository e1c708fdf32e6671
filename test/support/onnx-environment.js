// A Jest environment for tests that run onnxruntime-node. Jest runs each test file in its own realm, with its
// own Float32Array; onnxruntime-node's native binding builds output tensors from Float32Arrays of Node's main
// realm, and onnxruntime-common (loaded inside the test's realm) rejects them: "A float32 tensor's data must be
// type of function Float32Array()". Sharing the main realm's constructor makes the two agree. Use it with a
// `@jest-environment ./test/support/onnx-environment.js` docblock at the top of the test file.
const { TestEnvironment } = require('jest-environment-node');

module.exports = class OnnxRuntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.Float32Array = Float32Array;
  }
};
