// Browser flows need more than jest's default 5 s per test.
jest.setTimeout(60_000)
