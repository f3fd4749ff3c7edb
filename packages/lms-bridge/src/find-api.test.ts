import { expect } from '@open-wc/testing';
import type { ApiByName, Scorm12Api, Scorm2004Api } from './scorm-api.ts';
import { findApi } from './scorm-api.ts';

type ApiHolder = Window & Partial<ApiByName>;

/** A stand-in API: findApi only needs to find the object, never to call it. */
const fake12 = (): Scorm12Api => ({ name: 'scorm12' }) as unknown as Scorm12Api;
const fake2004 = (): Scorm2004Api => ({ name: 'scorm2004' }) as unknown as Scorm2004Api;

const frames: HTMLIFrameElement[] = [];

/** A same-origin child frame (about:blank inherits its parent's origin). */
function childFrame(parent: Window): ApiHolder {
  const iframe = parent.document.createElement('iframe');
  parent.document.body.append(iframe);
  frames.push(iframe);
  return iframe.contentWindow as ApiHolder;
}

/** A frame of another (opaque) origin: reading its properties throws. */
async function crossOriginFrame(): Promise<ApiHolder> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.srcdoc = '<p>Other origin</p>';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  frames.push(iframe);
  await loaded;
  return iframe.contentWindow as ApiHolder;
}

const top = window as ApiHolder;

afterEach(() => {
  for (const iframe of frames.splice(0)) iframe.remove();
  delete top.API;
  delete top.API_1484_11;
});

describe('findApi', () => {
  it('finds the API on the window itself', () => {
    const api = fake12();
    top.API = api;
    expect(findApi(window, 'API')).to.equal(api);
  });

  it('finds the SCORM 1.2 API in a parent frame, two levels up', () => {
    const outer = childFrame(window);
    const inner = childFrame(outer);
    const api = fake12();
    outer.API = api;
    expect(findApi(inner, 'API')).to.equal(api);
  });

  it('finds the SCORM 2004 API in the top window from a nested frame', () => {
    const inner = childFrame(childFrame(window));
    const api = fake2004();
    top.API_1484_11 = api;
    expect(findApi(inner, 'API_1484_11')).to.equal(api);
    expect(findApi(inner, 'API')).to.equal(undefined);
  });

  it('takes the nearest API when several frames have one', () => {
    const outer = childFrame(window);
    const inner = childFrame(outer);
    const near = fake12();
    outer.API = near;
    top.API = fake12();
    expect(findApi(inner, 'API')).to.equal(near);
  });

  it('climbs past a frame of another origin', async () => {
    const api = fake12();
    top.API = api;
    const other = await crossOriginFrame();
    expect(() => other.API, 'the frame really is cross-origin').to.throw();
    expect(findApi(other, 'API')).to.equal(api);
  });

  it('returns undefined when no frame has the API', () => {
    const inner = childFrame(childFrame(window));
    expect(findApi(inner, 'API')).to.equal(undefined);
    expect(findApi(inner, 'API_1484_11')).to.equal(undefined);
  });

  it('finds the API in the window that opened a pop-up', () => {
    const api = fake12();
    top.API = api;
    const popup = window.open('', '_blank', 'popup');
    if (!popup) throw new Error('The browser blocked the pop-up this test needs');
    try {
      expect(popup.opener).to.equal(window);
      expect(findApi(popup, 'API')).to.equal(api);
    } finally {
      popup.close();
    }
  });

  it('looks in the opener and its parents when the frames have none', () => {
    // The API is in a frame of the LMS page that opened the pop-up, not in its top window:
    // plain objects stand in for that window structure.
    const api = fake2004();
    const lmsTop = { API_1484_11: api } as unknown as ApiHolder & { parent: Window };
    lmsTop.parent = lmsTop;
    const lmsFrame = { parent: lmsTop } as unknown as Window;
    const popup = { opener: lmsFrame } as unknown as Window & { parent: Window };
    popup.parent = popup;
    expect(findApi(popup, 'API_1484_11')).to.equal(api);
    expect(findApi(popup, 'API')).to.equal(undefined);
  });

  it('prefers its own frames over the opener', () => {
    const api = fake12();
    const opener = { API: fake12() } as unknown as ApiHolder & { parent: Window };
    opener.parent = opener;
    const frameTop = { API: api } as unknown as ApiHolder & { parent: Window };
    frameTop.parent = frameTop;
    const content = { parent: frameTop, opener } as unknown as Window;
    expect(findApi(content, 'API')).to.equal(api);
  });
});
