// @ts-check
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Z, alarmSymbol, sensorSymbol, symbologyFrom, ticketSymbol } from '../map/symbols.js';
import { vocabulary } from './vocabulary.js';

const symbology = symbologyFrom(vocabulary);

describe('symbologyFrom', () => {
  it('takes the colours of the statuses drawn on the map, not of closed, evaluated or merged tickets', () => {
    assert.deepEqual(Object.keys(symbology.palette.ticketStatus), ['discovered', 'filed', 'dispatched', 'handling', 'review']);
    const withClosedColour = structuredClone(vocabulary);
    withClosedColour.ticketStatus.closed.color = '#999999';
    assert.equal(symbologyFrom(withClosedColour).palette.ticketStatus.closed, undefined);
  });

  it('takes severity and reading-state colours from the vocabulary', () => {
    assert.equal(symbology.palette.severity.critical, '#ff2d55');
    assert.equal(symbology.palette.valueState.alarm, '#ff3b3b');
  });
});

describe('ticketSymbol', () => {
  it('colours by status and shapes by channel', () => {
    const ticket = ticketSymbol(symbology, 'handling', 'hotline12345');
    assert.equal(ticket.color, '#ff9f1a');
    assert.deepEqual(ticket.shape, { points: 4, angle: Math.PI / 4, inner: null });
    assert.equal(ticket.radius, 6.5);
  });

  it('draws a star channel larger, and an unknown status or channel as a grey circle', () => {
    assert.equal(ticketSymbol(symbology, 'filed', 'citizenApp').radius, 8.5);
    const unknown = ticketSymbol(symbology, 'closed', 'carrierPigeon');
    assert.equal(unknown.color, symbology.palette.ticketFallback);
    assert.equal(unknown.shape, null);
  });
});

describe('sensorSymbol', () => {
  it('draws a normal reading small and under the tickets, an alarm large and above them', () => {
    const normal = sensorSymbol(symbology, 'normal', 'online');
    const alarm = sensorSymbol(symbology, 'alarm', 'online');
    assert.deepEqual(normal, { color: 'rgba(120, 205, 175, 0.55)', radius: 2.5, edged: false, ring: false, zIndex: Z.sensors });
    assert.deepEqual(alarm, { color: '#ff3b3b', radius: 7, edged: true, ring: false, zIndex: Z.alarmSensors });
    assert.ok(normal.zIndex < Z.tickets && alarm.zIndex > Z.tickets);
  });

  it('rings a device that cannot be trusted and greys an offline one', () => {
    assert.equal(sensorSymbol(symbology, 'warning', 'lowBattery').ring, true);
    assert.equal(sensorSymbol(symbology, 'warning', 'lowBattery').color, '#ffb020');
    assert.equal(sensorSymbol(symbology, 'warning', 'offline').color, symbology.palette.offlineFill);
  });
});

describe('alarmSymbol', () => {
  it('sizes and orders by severity and fades once acknowledged', () => {
    const critical = alarmSymbol(symbology, 'critical', false);
    const acknowledged = alarmSymbol(symbology, 'critical', true);
    assert.equal(critical.radius, 12);
    assert.ok(critical.zIndex > alarmSymbol(symbology, 'major', false).zIndex);
    assert.ok(acknowledged.alpha < critical.alpha && acknowledged.strokeWidth < critical.strokeWidth);
  });

  it('draws an unknown severity as info, below every known one', () => {
    const unknown = alarmSymbol(symbology, 'apocalyptic', false);
    assert.equal(unknown.color, '#4da6ff');
    assert.equal(unknown.radius, 7);
    assert.equal(unknown.zIndex, 0);
  });
});
