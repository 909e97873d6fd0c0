#!/usr/bin/python3
"""An independent peer for Ura's crypto interop tests (src/lib/crypto/interop.spec.ts).

It uses Debian's python3-nacl (PyNaCl, its own build of libsodium) and re-implements Ura's
formats from docs/crypto.md, not from Ura's TypeScript. It reads one JSON list of commands
on stdin and writes one JSON list of results. Bytes travel as base64url without padding.
Run with /usr/bin/python3: pyenv's python3 does not see Debian's python3-nacl.
"""
import base64
import json
import struct
import sys
import unicodedata

import nacl.bindings as b
import nacl.hash
import nacl.pwhash.argon2id
import nacl.signing
import nacl.utils
from nacl.encoding import RawEncoder
from nacl.public import PrivateKey, PublicKey, SealedBox

ENVELOPE_VERSION = 0x01
ALG_XCHACHA20POLY1305_IETF = 0x01


def d(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def e(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def associated_data(header, context, extra):
    ctx = context.encode("utf-8")
    return header + struct.pack(">H", len(ctx)) + ctx + extra


def make_envelope(key, plaintext, context, extra):
    header = bytes([ENVELOPE_VERSION, ALG_XCHACHA20POLY1305_IETF])
    nonce = nacl.utils.random(24)
    sealed = b.crypto_aead_xchacha20poly1305_ietf_encrypt(
        plaintext, associated_data(header, context, extra), nonce, key
    )
    return header + nonce + sealed


def open_envelope(key, envelope, context, extra):
    if len(envelope) < 2 + 24 + 16:
        raise ValueError("truncated")
    if envelope[0] != ENVELOPE_VERSION or envelope[1] != ALG_XCHACHA20POLY1305_IETF:
        raise ValueError("unknown version or algorithm")
    header, nonce, sealed = envelope[:2], envelope[2:26], envelope[26:]
    return b.crypto_aead_xchacha20poly1305_ietf_decrypt(
        sealed, associated_data(header, context, extra), nonce, key
    )


def kdf_derive(length, subkey_id, context, master):
    # crypto_kdf_derive_from_key is BLAKE2b keyed with the master key, with the subkey id
    # (little-endian 64-bit) as salt and the 8-byte context as personalisation.
    salt = struct.pack("<Q", subkey_id) + bytes(8)
    person = context.encode("ascii") + bytes(8)
    return b.crypto_generichash_blake2b_salt_personal(
        b"", digest_size=length, key=master, salt=salt, person=person
    )


def code_keys(code):
    master = nacl.hash.blake2b(code, digest_size=32, key=b"ura/code-keys/v1", encoder=RawEncoder)
    seed = kdf_derive(32, 1, "ura-code", master)
    sk = PrivateKey.from_seed(seed)
    return {
        "publicKey": e(bytes(sk.public_key)),
        "secretKey": e(bytes(sk)),
        "lookupId": e(kdf_derive(16, 2, "ura-code", master)),
    }


def unpad(padded):
    # ISO/IEC 7816-4: strip trailing zeros, then exactly one 0x80 (docs/crypto.md, "Padding").
    end = len(padded)
    while end > 0 and padded[end - 1] == 0:
        end -= 1
    if end == 0 or padded[end - 1] != 0x80:
        raise ValueError("bad padding")
    return padded[: end - 1]


def pad(data):
    # The smallest bucket: a power of two from 256 bytes to 256 KiB, then multiples of 256 KiB.
    need = len(data) + 1
    size = 256
    while size < need and size < 262144:
        size *= 2
    if size < need:
        size = -(-need // 262144) * 262144
    return data + b"\x80" + bytes(size - need)


def open_vault(vault, passphrase):
    # Vault header: version, kdf, t (u32 BE), m KiB (u32 BE), salt (16), envelope of the data key
    # with context "ura/notebook/key" and the first 26 bytes as extra data.
    if len(vault) < 26 or vault[0] != 0x01 or vault[1] != 0x01:
        raise ValueError("not a version-1 vault header")
    opslimit, memlimit_kib = struct.unpack(">II", vault[2:10])
    password = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kek = nacl.pwhash.argon2id.kdf(32, password, vault[10:26], opslimit=opslimit, memlimit=memlimit_kib * 1024)
    data_key = open_envelope(kek, vault[26:], "ura/notebook/key", vault[:26])
    if len(data_key) != 32:
        raise ValueError("data key size")
    return data_key


def open_backup(text, passphrase):
    backup = json.loads(text)
    if backup.get("format") != "ura-backup" or backup.get("version") != 1:
        raise ValueError("not a Ura backup")
    vault = d(backup["vault"])
    data_key = open_vault(vault, passphrase)
    return json.loads(unpad(open_envelope(data_key, d(backup["data"]), "ura/notebook/backup", vault)))


def iso_pad(data, minimum):
    # ISO/IEC 7816-4 (0x80 then zeros) to a power-of-two bucket of at least `minimum` bytes.
    bucket = minimum
    while bucket < len(data) + 1:
        bucket *= 2
    return data + b"\x80" + bytes(bucket - len(data) - 1)


def iso_unpad(data):
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise ValueError("bad padding")
    return stripped[:-1]


def open_help_message(secret_key, box, minimum):
    # docs/crypto.md, "Help requests": crypto_box_seal of padded UTF-8 JSON.
    padded = SealedBox(PrivateKey(secret_key)).decrypt(box)
    if len(padded) < minimum or len(padded) & (len(padded) - 1):
        raise ValueError("not a bucket of at least %d" % minimum)
    return json.loads(iso_unpad(padded).decode("utf-8"))


def open_account(username, passphrase, blob):
    # docs/crypto.md, "Responder accounts": prefix (26) then an envelope of the two secret keys.
    if blob[0] != 1 or blob[1] != 1:
        raise ValueError("unknown account version")
    ops, mem = struct.unpack(">II", blob[2:10])
    prefix = blob[:26]
    password = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kek = nacl.pwhash.argon2id.kdf(32, password, blob[10:26], opslimit=ops, memlimit=mem * 1024)
    extra = prefix + unicodedata.normalize("NFC", username).strip().lower().encode("utf-8")
    keys = open_envelope(kek, blob[26:], "ura/responder/keys", extra)
    return {"boxSecretKey": e(keys[:32]), "signSecretKey": e(keys[32:])}


def run(cmd):
    op = cmd["op"]
    if op == "version":
        return {"pynacl": nacl.__version__, "libsodium": b.sodium_version_string() if hasattr(b, "sodium_version_string") else ""}
    if op == "make_envelope":
        return e(make_envelope(d(cmd["key"]), d(cmd["plaintext"]), cmd["context"], d(cmd.get("extra", ""))))
    if op == "open_envelope":
        return e(open_envelope(d(cmd["key"]), d(cmd["envelope"]), cmd["context"], d(cmd.get("extra", ""))))
    if op == "make_sealed":
        return e(SealedBox(PublicKey(d(cmd["publicKey"]))).encrypt(d(cmd["plaintext"])))
    if op == "open_sealed":
        return e(SealedBox(PrivateKey(d(cmd["secretKey"]))).decrypt(d(cmd["box"])))
    if op == "box_keypair":
        sk = PrivateKey.generate()
        return {"publicKey": e(bytes(sk.public_key)), "secretKey": e(bytes(sk))}
    if op == "argon2id":
        password = unicodedata.normalize("NFC", cmd["passphrase"]).encode("utf-8")
        return e(nacl.pwhash.argon2id.kdf(32, password, d(cmd["salt"]), opslimit=cmd["opsLimit"], memlimit=cmd["memLimitKiB"] * 1024))
    if op == "code_keys":
        return code_keys(d(cmd["code"]))
    if op == "sign":
        key = nacl.signing.SigningKey(d(cmd["seed"]))
        return {"publicKey": e(bytes(key.verify_key)), "signature": e(key.sign(d(cmd["message"])).signature)}
    if op == "verify":
        try:
            nacl.signing.VerifyKey(d(cmd["publicKey"])).verify(d(cmd["message"]), d(cmd["signature"]))
            return True
        except Exception:
            return False
    if op == "open_help_message":
        return open_help_message(d(cmd["secretKey"]), d(cmd["box"]), cmd["minimum"])
    if op == "make_help_message":
        data = json.dumps(cmd["message"], ensure_ascii=False).encode("utf-8")
        return e(SealedBox(PublicKey(d(cmd["publicKey"]))).encrypt(iso_pad(data, cmd["minimum"])))
    if op == "open_account":
        return open_account(cmd["username"], cmd["passphrase"], d(cmd["blob"]))
    if op == "unpad":
        return e(b.sodium_unpad(d(cmd["padded"]), len(d(cmd["padded"])) if len(d(cmd["padded"])) < 262144 else 262144))
    if op == "open_backup":
        return open_backup(cmd["text"], cmd["passphrase"])
    if op == "open_record":
        data_key = open_vault(d(cmd["vault"]), cmd["passphrase"])
        plain = open_envelope(data_key, d(cmd["data"]), "ura/notebook/entry", cmd["id"].encode("utf-8"))
        return json.loads(unpad(plain))
    if op == "make_share":
        # A share: a fresh key, envelope of pad(JSON {v: 1, entries}) with context "ura/share";
        # the link fragment carries the key. Returns what the server and the link would hold.
        key = nacl.utils.random(32)
        payload = json.dumps({"v": 1, "entries": cmd["entries"]}, ensure_ascii=False).encode("utf-8")
        return {"key": e(key), "ciphertext": e(make_envelope(key, pad(payload), "ura/share", b""))}
    if op == "open_share":
        plain = open_envelope(d(cmd["key"]), d(cmd["ciphertext"]), "ura/share", b"")
        return json.loads(unpad(plain))
    raise ValueError("unknown op " + op)


def main():
    results = []
    for cmd in json.load(sys.stdin):
        try:
            results.append({"ok": run(cmd)})
        except Exception as exc:  # report, never crash: the test asserts on each result
            results.append({"error": type(exc).__name__ + ": " + str(exc)})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
