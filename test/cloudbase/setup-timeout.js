/* global jest */
// Jest project `cloudbase`: every database call is an HTTP round trip through wx-server-sdk.
jest.setTimeout(60_000)
