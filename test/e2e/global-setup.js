// Builds the H5 app when it is missing or older than the sources, once per e2e run.
const { buildIfStale } = require('../kit/build-if-stale')

module.exports = async () => {
  buildIfStale({ type: 'h5', out: process.env.H5_DIR ?? 'dist/h5', marker: 'index.html', what: 'H5 for the end-to-end tests' })
}
