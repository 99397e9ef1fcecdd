// Jest project `cloudbase`: every harness stores through wx-server-sdk on the CloudBase test engine.
process.env.ENGINE = 'cloudbase'
