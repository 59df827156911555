// A small SMSC on the npm package smpp, so that the platform's jSMPP client is tested against an
// SMPP implementation other than its own (NodeSmscInteropTest drives it).
//
//   node smsc.js PORT SYSTEM_ID PASSWORD     (PORT 0: any free port)
//
// Stdout, one JSON object a line: {"event":"listening","port":N} first, then one line for each
// bind, submit_sm (with its short_message as hex) and deliver_sm_resp, and an {"event":"ok"} or
// {"event":"error"} answer to each command. Stdin, one JSON command a line, each with a "seq" that
// its answer repeats:
//   {"command":"throttle","count":N}   answer the next N submit_sm with ESME_RTHROTTLED
//   {"command":"receipts","style":"tlv"|"text","stat":"DELIVRD","err":"000"}
//                                      how the receipts of later submits look
//   {"command":"deliver","from":"+86...","to":"10690000","text":"..."}
//                                      a user's SMS to the last bound session; answered once
//                                      the ESME answered the deliver_sm
// The SMSC exits when stdin closes, so it never outlives the test that started it.
'use strict';

const readline = require('readline');
const smpp = require('smpp');

const [port = '0', systemId = 'openmaap', password = 'openmaap'] = process.argv.slice(2);

// The package decodes short_message into text (and a list of UDH elements); the test wants the
// octets as they came, so keep them beside the decoded form.
const shortMessage = smpp.commands.submit_sm.params.short_message;
shortMessage.filter = {
  encode: smpp.filters.message.encode,
  decode(value, skipUdh) {
    this.raw_short_message = value;
    return smpp.filters.message.decode.call(this, value, skipUdh);
  },
};

const STATES = { DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7,
  REJECTD: 8 };
const BINDS = ['bind_transceiver', 'bind_transmitter', 'bind_receiver'];

let throttle = 0;
let receipts = { style: 'tlv', stat: 'DELIVRD', err: '000' };
let nextId = 0x5a0000;
const receivers = [];

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function hex(buffer) {
  return Buffer.isBuffer(buffer) ? buffer.toString('hex') : null;
}

// "+8613800000001" is international E.164; other digits go as they are.
function address(written) {
  return written.startsWith('+') ? { addr: written.slice(1), ton: 1, npi: 1 }
    : { addr: written, ton: 0, npi: 1 };
}

const server = smpp.createServer((session) => {
  let bound = null;
  session.on('error', (e) => process.stderr.write(`session error: ${e.message}\n`));
  session.on('close', () => {
    const at = receivers.indexOf(session);
    if (at >= 0) {
      receivers.splice(at, 1);
    }
  });

  for (const bind of BINDS) {
    session.on(bind, (pdu) => {
      let status = 0;
      if (pdu.system_id !== systemId) {
        status = smpp.ESME_RINVSYSID;
      } else if (pdu.password !== password) {
        status = smpp.ESME_RINVPASWD;
      } else if (bound) {
        status = smpp.ESME_RALYBND;
      }
      emit({ event: 'bind', command: bind, system_id: pdu.system_id, password: pdu.password,
        status });
      if (status) {
        // The ESME closes: closing here too could cut the answer off before the ESME handled it.
        session.send(pdu.response({ command_status: status }));
        return;
      }
      bound = bind;
      if (bind !== 'bind_transmitter') {
        receivers.push(session);
      }
      session.send(pdu.response({ system_id: 'node-smsc' }));
    });
  }

  session.on('submit_sm', (pdu) => {
    let status = 0;
    if (!bound || bound === 'bind_receiver') {
      status = smpp.ESME_RINVBNDSTS;
    } else if (throttle > 0) {
      throttle--;
      status = smpp.ESME_RTHROTTLED;
    }
    const messageId = status ? null : (nextId++).toString(16);
    const message = pdu.short_message || {};
    emit({
      event: 'submit_sm',
      status,
      message_id: messageId,
      source_addr: pdu.source_addr,
      source_addr_ton: pdu.source_addr_ton,
      destination_addr: pdu.destination_addr,
      dest_addr_ton: pdu.dest_addr_ton,
      esm_class: pdu.esm_class,
      data_coding: pdu.data_coding,
      registered_delivery: pdu.registered_delivery,
      short_message: hex(pdu.raw_short_message),
      udh: (message.udh || []).map(hex),
      text: typeof message.message === 'string' ? message.message : null,
    });
    if (status) {
      session.send(pdu.response({ command_status: status }));
      return;
    }
    // The receipt goes only once the answer is written, as a real SMSC's would.
    session.send(pdu.response({ message_id: messageId }), () => {
      if (pdu.registered_delivery & 0x01) {
        receipt(session, pdu, messageId);
      }
    });
  });

  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => {
    bound = null;
    const at = receivers.indexOf(session);
    if (at >= 0) {
      receivers.splice(at, 1);
    }
    session.send(pdu.response());
  });
  session.on('unknown', (pdu) => session.send(pdu.response()));
});

function receipt(session, submit, messageId) {
  const { style, stat, err } = receipts;
  const fields = {
    source_addr: submit.destination_addr,
    source_addr_ton: submit.dest_addr_ton,
    source_addr_npi: submit.dest_addr_npi,
    destination_addr: submit.source_addr,
    dest_addr_ton: submit.source_addr_ton,
    dest_addr_npi: submit.source_addr_npi,
    esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
    data_coding: 0,
  };
  if (style === 'tlv') {
    // Only the TLVs, so the client must read them rather than the text.
    fields.short_message = Buffer.alloc(0);
    fields.receipted_message_id = messageId;
    fields.message_state = STATES[stat] ?? STATES.UNKNOWN;
    const code = Number(err);
    if (code) {
      fields.network_error_code = Buffer.from([0x03, code >> 8, code & 0xff]); // GSM error
    }
  } else {
    const date = new Date().toISOString().replace(/\D/g, '').slice(2, 12);
    fields.short_message = Buffer.from(`id:${messageId} sub:001 dlvrd:`
      + `${stat === 'DELIVRD' ? '001' : '000'} submit date:${date} done date:${date} stat:${stat}`
      + ` err:${err} text:`, 'ascii');
  }
  session.send(new smpp.PDU('deliver_sm', fields), (resp) => {
    emit({ event: 'deliver_sm_resp', receipt: messageId, status: resp.command_status });
  });
}

function deliver(command, answer) {
  const session = receivers[receivers.length - 1];
  if (!session) {
    answer({ event: 'error', message: 'no bound receiver or transceiver session' });
    return;
  }
  const from = address(command.from);
  const to = address(command.to);
  // GSM 03.38 as data_coding 0 when the text fits it, else UCS-2: the package encodes either.
  const dataCoding = smpp.encodings.ASCII.match(command.text) ? 0 : smpp.ENCODING.UCS2;
  session.send(new smpp.PDU('deliver_sm', {
    source_addr: from.addr,
    source_addr_ton: from.ton,
    source_addr_npi: from.npi,
    destination_addr: to.addr,
    dest_addr_ton: to.ton,
    dest_addr_npi: to.npi,
    data_coding: dataCoding,
    short_message: command.text,
  }), (resp) => answer({ event: 'ok', data_coding: dataCoding, status: resp.command_status }));
}

function handle(line) {
  let command;
  try {
    command = JSON.parse(line);
  } catch (e) {
    emit({ event: 'error', message: `not a JSON command: ${line}` });
    return;
  }
  const answer = (event) => emit({ ...event, command: command.command, seq: command.seq });
  switch (command.command) {
    case 'throttle':
      throttle = command.count;
      answer({ event: 'ok' });
      break;
    case 'receipts':
      receipts = { style: command.style, stat: command.stat, err: command.err };
      answer({ event: 'ok' });
      break;
    case 'deliver':
      deliver(command, answer);
      break;
    default:
      answer({ event: 'error', message: `unknown command ${command.command}` });
  }
}

server.on('error', (e) => {
  process.stderr.write(`cannot listen: ${e.message}\n`);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1', () => emit({ event: 'listening',
  port: server.address().port }));
readline.createInterface({ input: process.stdin }).on('line', handle).on('close', () => {
  process.exit(0);
});
