import { createHash, randomBytes } from 'node:crypto'
import { bytesToHex, utf8Bytes } from '../../../src/domain/utf8'
import { sha256, sha256Hex } from '../../../src/domain/sha256'
import { hashIdNumber } from '../../../src/domain/gate/idcard'

const nodeSha = (b: Uint8Array | string) =>
  createHash('sha256')
    .update(typeof b === 'string' ? Buffer.from(b, 'utf8') : b)
    .digest('hex')

describe('utf8Bytes (no TextEncoder on phones)', () => {
  const samples = [
    '',
    'A',
    'salt:11010519491231002X',
    '~\u007f\u0080',
    'é',
    '\u07ff\u0800',
    '中文',
    '翠湖花园 1-1-101 粤B12345',
    '\uffff',
    '😀',
    'a😀b🚗c',
    '𠮷野家',
    '\ud83d', // lone high surrogate
    '\ude00x', // lone low surrogate
    'x\ud83d\ud83d\ude00' // high, then a pair
  ]

  it.each(samples)('matches Node Buffer for %j', (s) => {
    expect(Array.from(utf8Bytes(s))).toEqual(Array.from(Buffer.from(s, 'utf8')))
  })

  it('encodes the widths exactly', () => {
    expect(Array.from(utf8Bytes('A'))).toEqual([0x41])
    expect(Array.from(utf8Bytes('é'))).toEqual([0xc3, 0xa9])
    expect(Array.from(utf8Bytes('中'))).toEqual([0xe4, 0xb8, 0xad])
    expect(Array.from(utf8Bytes('😀'))).toEqual([0xf0, 0x9f, 0x98, 0x80])
    expect(Array.from(utf8Bytes('\ud83d'))).toEqual([0xef, 0xbf, 0xbd])
  })

  it('matches Node Buffer on random code points of every width', () => {
    let seed = 7
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    for (let k = 0; k < 300; k++) {
      let s = ''
      for (let i = 0; i < 40; i++) {
        const kind = rnd(5)
        const cp =
          kind === 0
            ? rnd(0x80)
            : kind === 1
              ? 0x80 + rnd(0x780)
              : kind === 2
                ? 0x4e00 + rnd(0x5000)
                : kind === 3
                  ? 0x10000 + rnd(0x100000)
                  : 0xd800 + rnd(0x800)
        s += cp >= 0x10000 ? String.fromCodePoint(cp) : String.fromCharCode(cp)
      }
      expect(bytesToHex(utf8Bytes(s))).toBe(Buffer.from(s, 'utf8').toString('hex'))
    }
  })
})

describe('sha256 (no BigInt, no TextEncoder)', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
    )
  })

  it('matches Node crypto for every length around the block edges and random bytes', () => {
    for (let len = 0; len <= 200; len++) {
      const b = new Uint8Array(randomBytes(len))
      expect(sha256Hex(b)).toBe(nodeSha(b))
    }
    const big = new Uint8Array(randomBytes(100_003))
    expect(bytesToHex(sha256(big))).toBe(nodeSha(big))
  })

  it('hashes strings as UTF-8: Chinese, ASCII and emoji', () => {
    for (const s of ['翠湖花园:11010519491231002X', 'salt:E12345678', '刘某😀', 'x'.repeat(1000)])
      expect(sha256Hex(s)).toBe(nodeSha(s))
  })

  it('keeps the ID hashes the phone and the server already stored', () => {
    expect(hashIdNumber(' 110105 19491231 002x ', '翠湖')).toBe(nodeSha('翠湖:11010519491231002X'))
  })
})
