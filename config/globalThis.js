// Provided (webpack ProvidePlugin, weapp only) wherever a shipped module reads the free
// variable `globalThis`, which iOS 11's JavaScriptCore does not have. ES5 on purpose: this file
// is not transpiled. It must not name that variable itself (it would then require itself).
/* eslint-disable */
var g = (function () {
  return this
})()
if (!g && typeof global !== 'undefined') g = global
if (!g && typeof self !== 'undefined') g = self
module.exports = g || {}
