import { expect } from '@open-wc/testing';
import {
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
} from './time-format.ts';

const hms = (h: number, m: number, s: number, ms = 0) => ((h * 60 + m) * 60 + s) * 1000 + ms;

describe('SCORM time formats', () => {
  describe('scorm12Timespan (CMITimespan HHHH:MM:SS.SS)', () => {
    it('writes zero with every digit', () => {
      expect(scorm12Timespan(0)).to.equal('0000:00:00.00');
    });

    it('writes hours, minutes, seconds and hundredths', () => {
      expect(scorm12Timespan(3723450)).to.equal('0001:02:03.45');
      expect(scorm12Timespan(hms(25, 59, 59, 990))).to.equal('0025:59:59.99');
    });

    it('rounds to the hundredth of a second', () => {
      expect(scorm12Timespan(1234)).to.equal('0000:00:01.23');
      expect(scorm12Timespan(59_996)).to.equal('0000:01:00.00');
    });

    it('never writes a negative time', () => {
      expect(scorm12Timespan(-5000)).to.equal('0000:00:00.00');
    });
  });

  describe('scorm12Time (CMITime HH:MM:SS)', () => {
    it('writes the local time of day', () => {
      expect(scorm12Time(new Date(2024, 4, 6, 7, 8, 9, 500))).to.equal('07:08:09');
      expect(scorm12Time(new Date(2024, 4, 6, 23, 59, 0))).to.equal('23:59:00');
    });
  });

  describe('scorm2004Duration (ISO 8601 timeinterval)', () => {
    it('writes zero as PT0S', () => {
      expect(scorm2004Duration(0)).to.equal('PT0S');
    });

    it('writes only the parts it needs, to the hundredth of a second', () => {
      expect(scorm2004Duration(3723450)).to.equal('PT1H2M3.45S');
      expect(scorm2004Duration(hms(0, 1, 0))).to.equal('PT1M0S');
      expect(scorm2004Duration(hms(2, 0, 5))).to.equal('PT2H5S');
      expect(scorm2004Duration(500)).to.equal('PT0.5S');
      expect(scorm2004Duration(hms(30, 0, 0))).to.equal('PT30H0S');
    });

    it('matches the SCORM 2004 timeinterval grammar', () => {
      const grammar =
        /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
      for (const ms of [0, 10, 999, 61_010, 3_599_990, 3723450, 86_400_000, 123_456_789]) {
        expect(scorm2004Duration(ms), String(ms)).to.match(grammar);
      }
    });
  });

  describe('scorm2004Timestamp (ISO 8601 time, UTC)', () => {
    it('writes UTC to the hundredth of a second with a Z', () => {
      const date = new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123));
      expect(scorm2004Timestamp(date)).to.equal('2024-05-06T07:08:09.12Z');
    });

    it('always has a two-digit fraction before the Z', () => {
      expect(scorm2004Timestamp(new Date(Date.UTC(2024, 0, 1)))).to.equal(
        '2024-01-01T00:00:00.00Z',
      );
      expect(scorm2004Timestamp(new Date())).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{2}Z$/);
    });
  });
});
