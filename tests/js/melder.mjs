// A melder's Matrix client that is not matrix-nio: matrix-js-sdk with its Rust crypto, in
// the strict mode Element is moving to (MSC4153): room keys go only to devices their owner
// cross-signed, and messages from other devices are not decrypted.
//
// Driven by tests/js_melder.py: one JSON command per line on stdin, one JSON answer per
// line on stdout ({"ok": ...} or {"error": ...}). Everything the SDK logs goes to stderr.
//
//   node melder.mjs HOMESERVER_URL USER_ID PASSWORD
//
// Commands: {"cmd": "open", "invite": USER}            -> the room id of a new encrypted DM
//           {"cmd": "send", "room": ID, "text": TEXT}  -> the event id
//           {"cmd": "read", "room": ID, "sender": USER}
//               -> every message of USER in the room, once the client has caught up with
//                  the server and each one is decrypted or has failed for good
//           {"cmd": "identity", "user": USER}          -> what this client knows of USER's
//                                                          cross-signing and devices
//           {"cmd": "stop"}
import { createInterface } from "node:readline";

import * as sdk from "matrix-js-sdk";
import {
    DecryptionFailureCode,
    OnlySignedDevicesIsolationMode,
} from "matrix-js-sdk/lib/crypto-api/index.js";
import { logger } from "matrix-js-sdk/lib/logger.js";

const WAIT_MS = 20_000;
const MESSAGE_TYPES = new Set(["m.room.encrypted", "m.room.message"]);
// Failures that a later to-device message (the room key) can still cure.
const PENDING = new Set([
    DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID,
    DecryptionFailureCode.OLM_UNKNOWN_MESSAGE_INDEX,
]);

for (const name of ["log", "info", "debug", "trace"]) console[name] = console.error;
logger.setLevel("warn");

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, condition) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const value = await condition();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
    }
}

async function start(baseUrl, user, password) {
    const login = await sdk.createClient({ baseUrl }).loginRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user },
        password,
        initial_device_display_name: "melder (matrix-js-sdk)",
    });
    const client = sdk.createClient({
        baseUrl,
        userId: login.user_id,
        deviceId: login.device_id,
        accessToken: login.access_token,
    });
    await client.initRustCrypto({ useIndexedDB: false });
    const crypto = client.getCrypto();
    crypto.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
    // Like a melder on Element: their own account is cross-signed (in this mode the SDK
    // refuses to encrypt from an account that is not).
    await crypto.bootstrapCrossSigning({
        authUploadDeviceSigningKeys: (makeRequest) =>
            makeRequest({ type: "m.login.password", identifier: { type: "m.id.user", user }, password }),
    });
    const ready = new Promise((resolve) => {
        client.on(sdk.ClientEvent.Sync, (state) => {
            if (state === "PREPARED") resolve();
        });
    });
    // Room for a whole turn of the bot (a message and up to ten reactions) in one sync,
    // so the live timeline has no gaps.
    const filter = new sdk.Filter(client.getUserId());
    filter.setTimelineLimit(200);
    await client.startClient({ initialSyncLimit: 20, filter });
    await ready;
    return client;
}

async function open(client, invite) {
    const { room_id: roomId } = await client.createRoom({
        is_direct: true,
        invite: [invite],
        preset: sdk.Preset.TrustedPrivateChat,
        initial_state: [
            {
                type: "m.room.encryption",
                state_key: "",
                content: { algorithm: "m.megolm.v1.aes-sha2" },
            },
        ],
    });
    await until("the new room", () => client.getRoom(roomId));
    return roomId;
}

// A message event as the melder's client shows it; null while its decryption may still
// succeed (unless `final`).
function outcome(event, final = false) {
    const failure = event.decryptionFailureReason;
    const pending =
        event.isBeingDecrypted() || event.shouldAttemptDecryption() || PENDING.has(failure);
    if (pending && !final) return null;
    return {
        event_id: event.getId(),
        encrypted: event.isEncrypted(),
        type: event.getType(),
        body: failure ? null : (event.getContent().body ?? null),
        failure: failure ?? (pending ? "STILL_DECRYPTING" : null),
    };
}

async function read(client, roomId, sender) {
    // What the server holds for the room is what this client must have caught up with.
    const page = await client.createMessagesRequest(roomId, null, 100, sdk.Direction.Backward);
    const ids = page.chunk
        .filter((e) => e.sender === sender && MESSAGE_TYPES.has(e.type))
        .map((e) => e.event_id)
        .reverse();
    const room = client.getRoom(roomId);
    const events = await until("the room's events", () => {
        const found = ids.map((id) => room.findEventById(id));
        return found.every(Boolean) ? found : null;
    });
    try {
        return await until("decryption", () => {
            const results = events.map((event) => outcome(event));
            return results.every(Boolean) ? results : null;
        });
    } catch {
        return events.map((event) => outcome(event, true));
    }
}

async function identity(client, userId) {
    const crypto = client.getCrypto();
    const keys = await client.downloadKeysForUsers([userId]);
    const devices = (await crypto.getUserDeviceInfo([userId], true)).get(userId) ?? new Map();
    const status = {};
    for (const deviceId of devices.keys()) {
        const device = await crypto.getDeviceVerificationStatus(userId, deviceId);
        status[deviceId] = {
            signed_by_owner: device?.signedByOwner ?? false,
            cross_signing_verified: device?.crossSigningVerified ?? false,
        };
    }
    const user = await crypto.getUserVerificationStatus(userId);
    const master = keys.master_keys?.[userId]?.keys ?? {};
    return {
        has_cross_signing_keys: await crypto.userHasCrossSigningKeys(userId, true),
        master_key: Object.values(master)[0] ?? null,
        needs_user_approval: user.needsUserApproval,
        devices: status,
    };
}

async function main() {
    const [baseUrl, user, password] = process.argv.slice(2);
    const client = await start(baseUrl, user, password);
    const commands = {
        open: (c) => open(client, c.invite),
        send: async (c) => (await client.sendTextMessage(c.room, c.text)).event_id,
        read: (c) => read(client, c.room, c.sender),
        identity: (c) => identity(client, c.user),
    };
    const answer = (value) => process.stdout.write(JSON.stringify(value) + "\n");
    answer({ ok: { user_id: client.getUserId(), device_id: client.getDeviceId() } });
    for await (const line of createInterface({ input: process.stdin })) {
        const command = JSON.parse(line);
        if (command.cmd === "stop") break;
        try {
            answer({ ok: await commands[command.cmd](command) });
        } catch (error) {
            answer({ error: String(error?.stack ?? error) });
        }
    }
    client.stopClient();
    process.exit(0);
}

main().catch((error) => {
    process.stdout.write(JSON.stringify({ error: String(error?.stack ?? error) }) + "\n");
    process.exit(1);
});
