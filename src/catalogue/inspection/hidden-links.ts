// 暗链 (hidden links): an <a href> in an item's stored HTML that a reader cannot see, put there by a
// pasted page or a compromised editor account — one of the 安全问题 of 国办秘函〔2019〕19号 单项否决
// (“发布或链接反动、暴力、色情等内容”, “内容被篡改”; domain-reference §D.4). Bodies saved through the
// editor lose every style attribute (rules/body.ts), but stored HTML of older items and imported
// content may keep them, so the rule reads the HTML as stored: inline styles, simple <style> rules
// (class, id and tag selectors) and the `hidden` attribute, on the link and on every element above it.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export interface HiddenLink {
  href: string;
  /** The link's text as stored (what a reader would have seen), at most 60 characters. */
  text: string;
  /** In Chinese: which style hides it, and on which element. */
  reason: string;
}

type Decls = Map<string, string>;

function parseStyle(style: string | undefined, into: Decls = new Map()): Decls {
  if (!style) return into;
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const name = part.slice(0, i).trim().toLowerCase();
    const value = part.slice(i + 1).replace(/!important/i, '').trim().toLowerCase();
    if (name && value) into.set(name, value);
  }
  return into;
}

/** A CSS length in px (pt and em converted roughly); null when not a length. */
function px(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^(-?\d*\.?\d+)(px|pt|em|rem|%|vw|vh)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'pt': return n * 4 / 3;
    case 'em': case 'rem': return n * 16;
    case '%': return n * 0.16;
    case 'vw': case 'vh': return n * 10;
    default: return n; // px, or a bare number
  }
}

const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', gray: '#808080', grey: '#808080', silver: '#c0c0c0' };

/** A colour as #rrggbb, 'transparent', or null when not understood. */
function colour(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (v === 'transparent') return 'transparent';
  if (NAMED[v]) return NAMED[v];
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return `#${[...m[1]!].map((c) => c + c).join('')}`;
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(v);
  if (m) return m[2] === '00' ? 'transparent' : `#${m[1]}`;
  m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (m) {
    if (m[4] !== undefined && parseFloat(m[4]) === 0) return 'transparent';
    return `#${[m[1], m[2], m[3]].map((x) => Math.min(255, Number(x)).toString(16).padStart(2, '0')).join('')}`;
  }
  return null;
}

/** The background colour an element declares (background-color, or a colour in background). */
function backgroundOf(d: Decls): string | null {
  const bg = d.get('background-color') ?? d.get('background');
  if (!bg) return null;
  const direct = colour(bg);
  if (direct) return direct;
  for (const token of bg.split(/\s+(?![^(]*\))/)) {
    const c = colour(token);
    if (c) return c;
  }
  return null;
}

const FAR = -500; // px: a position or indent this far off the page hides what is there

/** Why this element alone hides everything inside it, or null. */
function hidesContent(d: Decls, el: Element): string | null {
  if (el.attribs.hidden !== undefined) return 'hidden 属性（不显示）';
  if (d.get('display') === 'none') return 'display:none（不显示）';
  const opacity = d.get('opacity');
  if (opacity !== undefined && parseFloat(opacity) <= 0.05) return `opacity:${opacity}（完全透明）`;
  const position = d.get('position');
  if (position === 'absolute' || position === 'fixed') {
    for (const side of ['left', 'top', 'right', 'bottom']) {
      const n = px(d.get(side));
      if (n !== null && n <= FAR) return `position:${position}; ${side}:${d.get(side)}（移出页面可见区域）`;
    }
  }
  const indent = px(d.get('text-indent'));
  if (indent !== null && indent <= FAR) return `text-indent:${d.get('text-indent')}（移出页面可见区域）`;
  const overflow = d.get('overflow') ?? d.get('overflow-x') ?? d.get('overflow-y');
  if (overflow === 'hidden' || overflow === 'clip') {
    for (const dim of ['height', 'width', 'max-height', 'max-width']) {
      const n = px(d.get(dim));
      if (n !== null && n <= 1) return `${dim}:${d.get(dim)}; overflow:${overflow}（尺寸为零）`;
    }
  }
  const clip = d.get('clip');
  if (clip && /^rect\(\s*0[a-z]*[\s,]+0[a-z]*[\s,]+0[a-z]*[\s,]+0[a-z]*\s*\)$/.test(clip) && (position === 'absolute' || position === 'fixed')) return `clip:${clip}（裁剪为零）`;
  return null;
}

const describe = (el: Element, self: boolean) => (self ? '链接本身' : `上级元素 <${el.tagName}${el.attribs.class ? ` class="${el.attribs.class}"` : ''}>`);

/**
 * The hidden links of a body as stored. Plain-text bodies have none. Links whose text is empty are
 * not reported on that account alone (an empty anchor is invisible but links nowhere a reader could
 * click; the link checker still sees its address) — unless a style also hides them.
 */
export function findHiddenLinks(body: string): HiddenLink[] {
  if (!/<a\b/i.test(body)) return [];
  const $ = cheerio.load(body);
  // Declarations of each element: <style> rules first (in order), then the inline style.
  const declared = new Map<Element, Decls>();
  $('style').each((_, styleEl) => {
    const css = $(styleEl).text().replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      for (const selector of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
        try {
          $(selector).each((__, el) => {
            if (el.type === 'tag') declared.set(el, parseStyle(m[2], declared.get(el) ?? new Map()));
          });
        } catch {
          // a selector cheerio does not know: ignored
        }
      }
    }
  });
  const declsOf = (el: Element): Decls => {
    const base = new Map(declared.get(el) ?? []);
    // <font color> and bgcolor, as old editors wrote them; a style declared on the element wins.
    if (el.tagName === 'font' && el.attribs.color) base.set('color', el.attribs.color.trim().toLowerCase());
    if (el.attribs.bgcolor) base.set('background-color', el.attribs.bgcolor.trim().toLowerCase());
    return parseStyle(el.attribs.style, base);
  };

  const found: HiddenLink[] = [];
  $('a[href]').each((_, a) => {
    if (a.type !== 'tag') return;
    const chain: Element[] = [];
    for (let n: AnyNode | null = a; n && n.type === 'tag'; n = n.parent) chain.push(n as Element);
    let reason: string | null = null;
    // Properties that any element above hides, whatever is inside.
    for (const [i, el] of chain.entries()) {
      const why = hidesContent(declsOf(el), el);
      if (why) {
        reason = `${describe(el, i === 0)}：${why}`;
        break;
      }
    }
    // Inherited properties: the nearest element that declares them decides.
    if (!reason) {
      const nearest = (name: string) => {
        for (const [i, el] of chain.entries()) {
          const v = declsOf(el).get(name);
          if (v !== undefined) return { v, el, i };
        }
        return null;
      };
      const visibility = nearest('visibility');
      if (visibility && (visibility.v === 'hidden' || visibility.v === 'collapse')) reason = `${describe(visibility.el, visibility.i === 0)}：visibility:${visibility.v}（不可见）`;
      const size = nearest('font-size');
      const sizePx = px(size?.v);
      if (!reason && size && sizePx !== null && sizePx <= 1) reason = `${describe(size.el, size.i === 0)}：font-size:${size.v}（字号为零或 1 像素）`;
      const color = nearest('color');
      const fg = colour(color?.v);
      if (!reason && color && fg === 'transparent') reason = `${describe(color.el, color.i === 0)}：color:${color.v}（文字透明）`;
      if (!reason && color && fg) {
        // The background behind the text: the nearest element declaring one, else a white page.
        let bg: string | null = null;
        let bgEl: Element | null = null;
        for (const el of chain) {
          bg = backgroundOf(declsOf(el));
          if (bg && bg !== 'transparent') {
            bgEl = el;
            break;
          }
          bg = null;
        }
        if ((bg ?? '#ffffff') === fg) reason = `${describe(color.el, color.i === 0)}：文字颜色 ${color.v} 与${bgEl ? `${bgEl === a ? '其' : ` <${bgEl.tagName}> 的`}背景色` : '页面背景（白色）'}相同`;
      }
    }
    if (reason) {
      const text = $(a).text().replace(/\s+/g, ' ').trim();
      found.push({ href: a.attribs.href!.trim(), text: text.length > 60 ? `${text.slice(0, 60)}…` : text, reason });
    }
  });
  return found;
}
