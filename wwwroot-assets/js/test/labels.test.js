// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatValue, languageOf, placeLabel, placeName, popupContent, staleMessage, vocabularyName } from '../map/labels.js';
import { vocabulary } from './vocabulary.js';

describe('vocabularyName', () => {
  it('names a wire value in either language, and nothing for an unknown one', () => {
    assert.equal(vocabularyName(vocabulary, 'ticketStatus', 'evaluated', 'zh'), '问效');
    assert.equal(vocabularyName(vocabulary, 'channel', 'nonPolice110', 'en'), '110 non-police');
    assert.equal(vocabularyName(vocabulary, 'channel', 'toString', 'en'), undefined);
    assert.equal(vocabularyName(null, 'layer', 'tickets', 'zh'), undefined);
  });
});

describe('formatValue', () => {
  it('names enumerated values, units, booleans, lists and Shanghai times', () => {
    assert.equal(formatValue('status', 'review', {}, 'zh', vocabulary), '审核');
    assert.equal(formatValue('health', 'lowBattery', {}, 'en', vocabulary), 'Low battery');
    assert.equal(formatValue('value', 3.5, { unit: 'm' }, 'zh', vocabulary), '3.5 m');
    assert.equal(formatValue('acknowledged', false, {}, 'zh', vocabulary), '否');
    assert.equal(formatValue('lines', ['3', '4'], {}, 'zh', vocabulary), '3、4');
    assert.equal(formatValue('raisedAt', '2026-12-05T01:02:03Z', {}, 'en', vocabulary), '05/12/2026, 09:02:03');
    assert.equal(formatValue('status', 'mystery', {}, 'zh', vocabulary), 'mystery');
  });
});

describe('popupContent', () => {
  it('heads a ticket with its layer and title and lists its fields in words', () => {
    const content = popupContent(
      { layer: 'tickets', title: '占道堆物', status: 'filed', channel: 'gridPatrol', reporter: '张*', geometry: {} },
      'T-7',
      'zh',
      vocabulary,
    );
    assert.equal(content.title, '工单 · 占道堆物');
    assert.deepEqual(content.rows, [['编号', 'T-7'], ['状态', '立案'], ['渠道', '网格巡查'], ['上报人', '张*']]);
  });

  it('shows a station only by name and lines, in pinyin in English', () => {
    const content = popupContent({ layer: 'stations', name: '曹杨路', pinyin: 'Caoyang Rd', lines: ['3', '4', '11'], source_station_id: 'x' }, undefined, 'en', vocabulary);
    assert.equal(content.title, 'Metro stations · Caoyang Rd');
    assert.deepEqual(content.rows, [['Name', '曹杨路'], ['Lines', '3, 4, 11']]);
  });
});

describe('places and the stale badge', () => {
  it('labels places in the wall\'s language', () => {
    /** @type {Record<string, string>} */
    const props = { name: '长风新村街道', pinyin: 'Changfeng Xincun' };
    assert.equal(placeName((key) => props[key], 'zh'), '长风新村街道');
    assert.equal(placeName((key) => props[key], languageOf('en')), 'Changfeng Xincun');
    assert.equal(languageOf('fr'), 'zh');
  });

  it('puts a long English place name on two lines and leaves short and Chinese names on one', () => {
    assert.equal(placeLabel('Yichuan Road Subdistrict'), 'Yichuan Road\nSubdistrict');
    assert.equal(placeLabel('Changzheng Town'), 'Changzheng Town');
    assert.equal(placeLabel('曹杨新村街道'), '曹杨新村街道');
  });

  it('says why the map is stale', () => {
    assert.equal(staleMessage('zh', false, Infinity), '地图连接中…');
    assert.equal(staleMessage('en', false, Infinity), 'Map connecting…');
    assert.equal(staleMessage('zh', false, 30000), '地图数据延迟 · 重连中…');
    assert.equal(staleMessage('en', true, 21400), 'Map data stale · no update for 21 s');
  });
});
