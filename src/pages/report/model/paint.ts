/**
 * Executes the picture's draw commands (./picture.ts) on a 2D context: the weapp's Canvas 2D and
 * the browser's canvas share this much of CanvasRenderingContext2D, so one adapter serves both;
 * the service that owns the canvas (src/services/picture.ts) hands the context in.
 */
import { PICTURE_H, PICTURE_W, type DrawCmd, type Measure } from './picture'

/** The part of CanvasRenderingContext2D the picture uses. */
export interface Ctx2D {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void
  closePath(): void
  fill(): void
  stroke(): void
}

const FAMILY = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif'
export const fontOf = (size: number, bold?: boolean) => `${bold ? 'bold ' : ''}${size}px ${FAMILY}`

/** The canvas's own text measure, for laying the picture out with the font it will be drawn in. */
export function canvasMeasure(ctx: Ctx2D): Measure {
  return (text, size, bold) => {
    ctx.font = fontOf(size, bold)
    return ctx.measureText(text).width
  }
}

function roundRect(ctx: Ctx2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
  ctx.fill()
}

/** Paints the commands over a white page of the picture's size. */
export function paint(ctx: Ctx2D, cmds: readonly DrawCmd[]): void {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, PICTURE_W, PICTURE_H)
  ctx.textBaseline = 'top'
  for (const c of cmds) {
    if (c.op === 'rect') {
      ctx.fillStyle = c.fill
      if (c.r) roundRect(ctx, c.x, c.y, c.w, c.h, c.r)
      else ctx.fillRect(c.x, c.y, c.w, c.h)
    } else if (c.op === 'line') {
      ctx.strokeStyle = c.color
      ctx.lineWidth = c.width
      ctx.beginPath()
      ctx.moveTo(c.x1, c.y1)
      ctx.lineTo(c.x2, c.y2)
      ctx.stroke()
    } else {
      ctx.fillStyle = c.color
      ctx.font = fontOf(c.size, c.bold)
      ctx.textAlign = c.align
      // maxWidth: should a font measure wider than the layout's, the canvas narrows the text
      ctx.fillText(c.text, c.x, c.y, c.maxW)
    }
  }
}
