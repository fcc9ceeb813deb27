// The peer bench/sync.py --peer measures us against: N records (the JSON file bench/sync.py wrote, the same
// registration-like records it pushes) put into a local PouchDB, then replicated one way to a CouchDB-protocol
// server (pouchdb-server on loopback). Prints ONE JSON line; only the replication is timed, as our bench times
// only the sync.
//
//     node replicate.js RECORDS.json http://127.0.0.1:PORT/DB WORKDIR [BATCH_SIZE]
'use strict';
const fs = require('fs');
const path = require('path');
const PouchDB = require('pouchdb-node');

async function main() {
  const [file, target, workdir, batch] = process.argv.slice(2);
  const records = JSON.parse(fs.readFileSync(file, 'utf8'));
  const local = new PouchDB(path.join(workdir, 'local'));
  for (let i = 0; i < records.length; i += 1000) {
    const docs = records.slice(i, i + 1000).map((r) => Object.assign({ _id: r.id }, r));
    await local.bulkDocs(docs);
  }
  const remote = new PouchDB(target);
  await remote.info(); // creates the database before the clock starts
  const started = process.hrtime.bigint();
  const result = await local.replicate.to(remote, { batch_size: Number(batch || 100) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const info = await remote.info();
  console.log(JSON.stringify({
    peer: 'pouchdb-node -> pouchdb-server', records: records.length, batch_size: Number(batch || 100),
    seconds: Math.round(seconds * 100) / 100, records_per_s: Math.round(records.length / seconds),
    docs_written: result.docs_written, remote_doc_count: info.doc_count,
  }));
}

main().catch((err) => { console.error(err); process.exit(1); });
