import {
  labelParts,
  pickStep,
  QUEUED_MS,
  roomCheck,
  roomLabels,
  tapsFor,
  typedRoom,
  type RoomTriple
} from '../../../../src/domain/estates/roomPick'

/** 3 buildings × 2 units × 6 floors × 2 rooms, like the demo estate. */
const ESTATE: RoomTriple[] = []
for (const b of ['1', '2', '3'])
  for (const u of ['1', '2'])
    for (let f = 1; f <= 6; f++) for (const n of ['01', '02']) ESTATE.push([b, u, `${f}${n}`])

describe('pickStep: building, unit and room as rows of keys', () => {
  it('nothing chosen: the buildings; a building: its units; a unit: its rooms in house-number order', () => {
    expect(pickStep(ESTATE, {})).toMatchObject({
      buildings: ['1', '2', '3'],
      units: [],
      rooms: [],
      building: ''
    })
    expect(pickStep(ESTATE, { building: '2' })).toMatchObject({ units: ['1', '2'], rooms: [], building: '2' })
    const s = pickStep(ESTATE, { building: '2', unit: '1' })
    expect(s.rooms.slice(0, 4)).toEqual(['101', '102', '201', '202'])
    expect(s.label).toBeUndefined()
    expect(pickStep(ESTATE, { building: '2', unit: '1', no: '302' }).label).toBe('2-1-302')
  })

  it('sorts 2 before 10 and keeps letters', () => {
    const rooms: RoomTriple[] = [
      ['10', '1', '101'],
      ['2', '1', '101'],
      ['A', '1', '101']
    ]
    expect(pickStep(rooms, {}).buildings).toEqual(['2', '10', 'A'])
  })

  it('a row of one key chooses itself; a building without units has no unit row (1-101)', () => {
    const rooms: RoomTriple[] = [
      ['5', '', '101'],
      ['5', '', '102']
    ]
    const s = pickStep(rooms, {})
    expect(s).toMatchObject({ buildings: ['5'], building: '5', units: [], rooms: ['101', '102'] })
    expect(pickStep(rooms, { no: '102' }).label).toBe('5-102')
  })

  it('a choice not among the rooms is not kept', () => {
    expect(pickStep(ESTATE, { building: '9', unit: '1', no: '101' })).toMatchObject({
      building: '',
      label: undefined
    })
    expect(pickStep(ESTATE, { building: '1', unit: '7' })).toMatchObject({
      building: '1',
      unit: '',
      rooms: []
    })
  })
})

describe('tapsFor: a room is at most 3 taps', () => {
  it('every room of a 3-building estate: 3 taps', () => {
    for (const [building, unit, no] of ESTATE) expect(tapsFor(ESTATE, { building, unit, no })).toBe(3)
  })
  it('one building, no units: 1 tap; one building and one unit: 1 tap', () => {
    expect(
      tapsFor(
        [
          ['1', '', '101'],
          ['1', '', '102']
        ],
        { building: '1', unit: '', no: '102' }
      )
    ).toBe(1)
    expect(
      tapsFor(
        [
          ['1', '1', '101'],
          ['1', '1', '102']
        ],
        { building: '1', unit: '1', no: '101' }
      )
    ).toBe(1)
  })
})

describe('labels', () => {
  it('labelParts: building-unit-room, or building-room; a building may hold a dash', () => {
    expect(labelParts('1-2-301')).toEqual([
      { building: '1', unit: '2', no: '301' },
      { building: '1-2', unit: '', no: '301' }
    ])
    expect(labelParts('8-101')).toEqual([{ building: '8', unit: '', no: '101' }])
    expect(labelParts('101')).toEqual([])
    expect(labelParts('1--101')).toEqual([])
  })
  it('typedRoom: spaces dropped, full-width made plain, capitals', () => {
    expect(typedRoom(' １－１－１０１ ')).toBe('1-1-101')
    expect(typedRoom('a-1-101')).toBe('A-1-101')
    expect(
      roomLabels([
        ['1', '1', '101'],
        ['5', '', '102']
      ])
    ).toEqual(new Set(['1-1-101', '5-102']))
  })
})

describe('roomCheck: the server against the estate’s rooms', () => {
  const base = { room: '9-9-999', hasRooms: true, known: false, queuedMs: 0, admitted: true }
  it('refuses an unknown room sent at once; takes a known one, or any where none were imported', () => {
    expect(roomCheck(base)).toBe('refuse')
    expect(roomCheck({ ...base, known: true })).toBe('ok')
    expect(roomCheck({ ...base, hasRooms: false })).toBe('ok')
    expect(roomCheck({ ...base, room: undefined })).toBe('ok')
  })
  it('flags instead of refusing what was queued offline, and a visitor not let in', () => {
    expect(roomCheck({ ...base, queuedMs: QUEUED_MS })).toBe('refuse')
    expect(roomCheck({ ...base, queuedMs: QUEUED_MS + 1 })).toBe('flag')
    expect(roomCheck({ ...base, admitted: false })).toBe('flag')
  })
})
