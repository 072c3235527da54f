-- Wireshark / tshark dissector for the Skirmish reliable-UDP transport, protocol version 1.
-- The wire format is docs/protocol.md (sections 2 and 3); this file follows it field by field.
--
-- Install: copy this file into your personal Lua plugins folder
--   Linux/macOS: ~/.local/lib/wireshark/plugins/   (older versions: ~/.wireshark/plugins/)
--   Windows:     %APPDATA%\Wireshark\plugins\
-- (Help > About Wireshark > Folders shows the exact path), or load it for one run:
--   wireshark -X lua_script:tools/wireshark/skirmish.lua capture.pcapng
--   tshark    -X lua_script:tools/wireshark/skirmish.lua -r capture.pcapng -V
-- Captures written with `--record FILE.pcapng` decode at once: the dissector claims UDP port 7777 and
-- also recognises Skirmish datagrams on any other port heuristically (version byte 1, a known type
-- byte, a valid CRC32C trailer). For a server on another port you may also use Decode As... > SKIRMISH.
--
-- Display filters: skirmish, skirmish.type == 0x10, skirmish.pn == 42, skirmish.frame.type == 0x12,
-- skirmish.channel == 2, skirmish.seq, skirmish.ack.largest, skirmish.crc_ok == 0 ...

local skirmish = Proto("skirmish", "Skirmish transport")

local packet_types = { [0x01] = "CONNECT", [0x02] = "CHALLENGE", [0x03] = "ACCEPT", [0x04] = "REJECT", [0x10] = "DATA" }
local frame_types = {
    [0x00] = "PADDING", [0x01] = "ACK", [0x02] = "PING", [0x03] = "PONG", [0x04] = "MAX_DATA",
    [0x05] = "PATH_CHALLENGE", [0x06] = "PATH_RESPONSE", [0x07] = "CLOSE",
    [0x10] = "MESSAGE", [0x11] = "MESSAGE_NEXT", [0x12] = "FRAGMENT",
}
local delivery_modes = { [0] = "reliable-ordered", [1] = "reliable-unordered", [2] = "unreliable-sequenced", [3] = "unreliable" }
local reasons = {
    [0] = "UNKNOWN", [1] = "LOCAL_CLOSE", [2] = "PEER_CLOSED", [3] = "IDLE_TIMEOUT", [4] = "CONNECT_TIMEOUT",
    [5] = "VERSION_MISMATCH", [6] = "SERVER_FULL", [7] = "CHANNEL_MISMATCH", [8] = "PROTOCOL_VIOLATION",
    [9] = "ENDPOINT_CLOSED",
}
-- The game's use of the channels (protocol/src/main/java/dev/skirmish/game/net/GameChannels.java).
local game_channels = { [0] = "events", [1] = "reserved", [2] = "snapshots", [3] = "input" }

local f = skirmish.fields
f.version = ProtoField.uint8("skirmish.version", "Version")
f.type = ProtoField.uint8("skirmish.type", "Type", base.HEX, packet_types)
f.client_cid = ProtoField.uint64("skirmish.client_cid", "Client connection id", base.HEX)
f.server_cid = ProtoField.uint64("skirmish.server_cid", "Server connection id", base.HEX)
f.dest_cid = ProtoField.uint64("skirmish.dcid", "Destination connection id", base.HEX)
f.pn = ProtoField.uint32("skirmish.pn", "Packet number (low 32 bits)")
f.max_datagram = ProtoField.uint16("skirmish.max_datagram", "Max datagram bytes")
f.receive_window = ProtoField.uint32("skirmish.receive_window", "Receive window bytes")
f.max_ack_delay = ProtoField.uint32("skirmish.max_ack_delay", "Max ack delay (us)")
f.channel_count = ProtoField.uint8("skirmish.channel_count", "Channel count")
f.channel_mode = ProtoField.uint8("skirmish.channel_mode", "Channel mode", base.DEC, delivery_modes)
f.max_message = ProtoField.uint32("skirmish.max_message", "Max message bytes")
f.channel_window = ProtoField.uint32("skirmish.channel_window", "Channel window messages")
f.cookie_len = ProtoField.uint8("skirmish.cookie_len", "Cookie length")
f.cookie = ProtoField.bytes("skirmish.cookie", "Cookie")
f.reason = ProtoField.uint8("skirmish.reason", "Reason", base.DEC, reasons)
f.peer_version = ProtoField.uint8("skirmish.peer_version", "Server version")
f.text = ProtoField.string("skirmish.text", "Text")
f.crc = ProtoField.uint32("skirmish.crc", "CRC32C", base.HEX)
f.crc_ok = ProtoField.bool("skirmish.crc_ok", "CRC32C valid")
f.frame_type = ProtoField.uint8("skirmish.frame.type", "Frame type", base.HEX, frame_types)
f.ack_largest = ProtoField.uint64("skirmish.ack.largest", "Largest acknowledged")
f.ack_delay = ProtoField.uint64("skirmish.ack.delay", "Ack delay (us)")
f.ack_ranges = ProtoField.uint64("skirmish.ack.extra_ranges", "Extra ranges")
f.ack_range = ProtoField.string("skirmish.ack.range", "Acknowledged")
f.value = ProtoField.uint64("skirmish.value", "Value", base.HEX)
f.max_data = ProtoField.uint64("skirmish.max_data", "Max data")
f.channel = ProtoField.uint8("skirmish.channel", "Channel", base.DEC, game_channels)
f.seq = ProtoField.uint64("skirmish.seq", "Sequence")
f.length = ProtoField.uint64("skirmish.length", "Length")
f.message_length = ProtoField.uint64("skirmish.message_length", "Message length")
f.fragment_size = ProtoField.uint64("skirmish.fragment_size", "Fragment size")
f.fragment_index = ProtoField.uint64("skirmish.fragment_index", "Fragment index")
f.payload = ProtoField.bytes("skirmish.payload", "Payload")

-- Bit operations for every Lua Wireshark has shipped with: bit32 up to Lua 5.2, operators from 5.3
-- (compiled at run time, so that 5.2 never has to parse them).
local band, bxor, rshift
if bit32 then
    band, bxor, rshift = bit32.band, bit32.bxor, bit32.rshift
else
    band = load("return function(a, b) return a & b end")()
    bxor = load("return function(a, b) return (a ~ b) & 0xFFFFFFFF end")()
    rshift = load("return function(a, n) return (a & 0xFFFFFFFF) >> n end")()
end

-- CRC32C (Castagnoli, reflected polynomial 0x82F63B78), table-driven.
local crc_table = {}
for i = 0, 255 do
    local c = i
    for _ = 1, 8 do
        if c % 2 == 1 then c = bxor(rshift(c, 1), 0x82F63B78) else c = rshift(c, 1) end
    end
    crc_table[i] = c
end

local function crc32c(tvb, offset, length)
    local crc = 0xFFFFFFFF
    for i = offset, offset + length - 1 do
        crc = bxor(crc_table[band(bxor(crc, tvb(i, 1):uint()), 0xFF)], rshift(crc, 8))
    end
    return bxor(crc, 0xFFFFFFFF)
end

-- QUIC varint (RFC 9000 section 16): the top two bits of the first byte give the length.
-- Returns the value (a UInt64), its length in bytes, or nil when it runs past `limit`.
local function varint(tvb, offset, limit)
    if offset >= limit then return nil end
    local first = tvb(offset, 1):uint()
    local length = ({ 1, 2, 4, 8 })[math.floor(first / 64) + 1]
    if offset + length > limit then return nil end
    local value = UInt64(first % 64)
    for i = 1, length - 1 do
        value = value * 256 + tvb(offset + i, 1):uint()
    end
    return value, length
end

local function add_varint(tree, field, tvb, offset, limit)
    local value, length = varint(tvb, offset, limit)
    if value == nil then
        tree:add_expert_info(PI_MALFORMED, PI_ERROR, "varint runs past the end")
        return nil, offset
    end
    tree:add(field, tvb(offset, length), value)
    return value, offset + length
end

-- One frame at `offset`; returns the offset after it, or nil when it is malformed.
local function dissect_frame(tvb, tree, offset, limit, state, summary)
    local type = tvb(offset, 1):uint()
    local name = frame_types[type] or string.format("unknown 0x%02x", type)
    local item = tree:add(skirmish, tvb(offset, limit - offset), name)
    item:add(f.frame_type, tvb(offset, 1))
    local start = offset
    offset = offset + 1
    local ok = true
    if type == 0x00 then
        offset = limit
    elseif type == 0x01 then
        local largest, delay, extra, first
        largest, offset = add_varint(item, f.ack_largest, tvb, offset, limit)
        delay, offset = add_varint(item, f.ack_delay, tvb, offset, limit)
        extra, offset = add_varint(item, f.ack_ranges, tvb, offset, limit)
        first, offset = add_varint(item, f.length, tvb, offset, limit)
        if largest == nil or delay == nil or extra == nil or first == nil then return nil end
        local high = largest
        local low = largest - first
        item:add(f.ack_range, tvb(start, offset - start), tostring(low) .. ".." .. tostring(high))
        for _ = 1, extra:tonumber() do
            local gap, gl = varint(tvb, offset, limit)
            if gap == nil then return nil end
            local len, ll = varint(tvb, offset + gl, limit)
            if len == nil then return nil end
            high = low - gap - 2
            low = high - len
            item:add(f.ack_range, tvb(offset, gl + ll), tostring(low) .. ".." .. tostring(high))
            offset = offset + gl + ll
        end
        table.insert(summary, "ACK " .. tostring(largest))
    elseif type == 0x02 or type == 0x03 or type == 0x05 or type == 0x06 then
        if offset + 8 > limit then return nil end
        item:add(f.value, tvb(offset, 8))
        offset = offset + 8
        table.insert(summary, name)
    elseif type == 0x04 then
        local v
        v, offset = add_varint(item, f.max_data, tvb, offset, limit)
        if v == nil then return nil end
        table.insert(summary, "MAX_DATA")
    elseif type == 0x07 then
        if offset + 1 > limit then return nil end
        item:add(f.reason, tvb(offset, 1))
        local length, ll = varint(tvb, offset + 1, limit)
        if length == nil or offset + 1 + ll + length:tonumber() > limit then return nil end
        local n = length:tonumber()
        if n > 0 then item:add(f.text, tvb(offset + 1 + ll, n)) end
        offset = offset + 1 + ll + n
        table.insert(summary, "CLOSE")
    elseif type == 0x10 or type == 0x11 then
        if type == 0x10 then
            if offset + 1 > limit then return nil end
            state.channel = tvb(offset, 1):uint()
            item:add(f.channel, tvb(offset, 1))
            offset = offset + 1
            local seq, sl = varint(tvb, offset, limit)
            if seq == nil then return nil end
            state.seq = seq
            item:add(f.seq, tvb(offset, sl), seq)
            offset = offset + sl
        else
            if state.channel == nil then
                item:add_expert_info(PI_MALFORMED, PI_ERROR, "MESSAGE_NEXT without a preceding MESSAGE")
                return nil
            end
            state.seq = state.seq + 1
            item:add(f.channel, tvb(start, 1), state.channel):set_generated()
            item:add(f.seq, tvb(start, 1), state.seq):set_generated()
        end
        local length, ll = varint(tvb, offset, limit)
        if length == nil or offset + ll + length:tonumber() > limit then return nil end
        item:add(f.length, tvb(offset, ll), length)
        offset = offset + ll
        local n = length:tonumber()
        if n > 0 then item:add(f.payload, tvb(offset, n)) end
        offset = offset + n
        table.insert(summary, string.format("MSG ch%d#%s", state.channel, tostring(state.seq)))
    elseif type == 0x12 then
        if offset + 1 > limit then return nil end
        local channel = tvb(offset, 1):uint()
        item:add(f.channel, tvb(offset, 1))
        offset = offset + 1
        local seq, msg_len, size, index
        seq, offset = add_varint(item, f.seq, tvb, offset, limit)
        msg_len, offset = add_varint(item, f.message_length, tvb, offset, limit)
        size, offset = add_varint(item, f.fragment_size, tvb, offset, limit)
        index, offset = add_varint(item, f.fragment_index, tvb, offset, limit)
        if seq == nil or msg_len == nil or size == nil or index == nil or size:tonumber() == 0 then return nil end
        local n = math.min(size:tonumber(), msg_len:tonumber() - index:tonumber() * size:tonumber())
        if n < 0 or offset + n > limit then return nil end
        item:add(f.payload, tvb(offset, n))
        offset = offset + n
        state.channel = nil
        table.insert(summary, string.format("FRAG ch%d#%s[%s]", channel, tostring(seq), tostring(index)))
    else
        item:add_expert_info(PI_MALFORMED, PI_ERROR, "unknown frame type")
        ok = false
    end
    if not ok then return nil end
    item:set_len(offset - start)
    return offset
end

local function dissect_parameters(tvb, tree, offset)
    tree:add(f.max_datagram, tvb(offset, 2))
    tree:add(f.receive_window, tvb(offset + 2, 4))
    tree:add(f.max_ack_delay, tvb(offset + 6, 4))
    return offset + 10
end

local function dissect_handshake(tvb, tree, type, limit, summary)
    tree:add(f.client_cid, tvb(2, 8))
    local offset = 10
    if type == 0x01 then
        if limit < 30 then return end
        offset = dissect_parameters(tvb, tree, offset)
        local count = tvb(offset, 1):uint()
        tree:add(f.channel_count, tvb(offset, 1))
        offset = offset + 1
        for i = 0, count - 1 do
            if offset + i < limit then tree:add(f.channel_mode, tvb(offset + i, 1)):prepend_text("[" .. i .. "] ") end
        end
        offset = offset + count
        if offset + 9 > limit then return end
        tree:add(f.max_message, tvb(offset, 4))
        tree:add(f.channel_window, tvb(offset + 4, 4))
        local cookie = tvb(offset + 8, 1):uint()
        tree:add(f.cookie_len, tvb(offset + 8, 1))
        if cookie > 0 and offset + 9 + cookie <= limit then tree:add(f.cookie, tvb(offset + 9, cookie)) end
        table.insert(summary, cookie > 0 and "with cookie" or "first try")
    elseif type == 0x02 then
        if limit < 11 then return end
        local cookie = tvb(10, 1):uint()
        tree:add(f.cookie_len, tvb(10, 1))
        if cookie > 0 and 11 + cookie <= limit then tree:add(f.cookie, tvb(11, cookie)) end
    elseif type == 0x03 then
        if limit < 28 then return end
        tree:add(f.server_cid, tvb(10, 8))
        dissect_parameters(tvb, tree, 18)
    elseif type == 0x04 then
        if limit < 13 then return end
        tree:add(f.reason, tvb(10, 1))
        tree:add(f.peer_version, tvb(11, 1))
        local length = tvb(12, 1):uint()
        if length > 0 and 13 + length <= limit then tree:add(f.text, tvb(13, length)) end
        table.insert(summary, reasons[tvb(10, 1):uint()] or "?")
    end
end

local function looks_like_skirmish(tvb)
    local length = tvb:len()
    if length < 6 or tvb(0, 1):uint() ~= 1 or packet_types[tvb(1, 1):uint()] == nil then return false end
    return crc32c(tvb, 0, length - 4) == tvb(length - 4, 4):uint()
end

function skirmish.dissector(tvb, pinfo, tree)
    local length = tvb:len()
    if length < 6 then return 0 end
    pinfo.cols.protocol = "SKIRMISH"
    local type = tvb(1, 1):uint()
    local root = tree:add(skirmish, tvb(), "Skirmish transport")
    root:add(f.version, tvb(0, 1))
    root:add(f.type, tvb(1, 1))
    local limit = length - 4
    local summary = {}
    if type == 0x10 and length >= 18 then
        root:add(f.dest_cid, tvb(2, 8))
        root:add(f.pn, tvb(10, 4))
        table.insert(summary, "PN " .. tvb(10, 4):uint())
        local offset = 14
        local state = {}
        while offset < limit do
            local next_offset = dissect_frame(tvb, root, offset, limit, state, summary)
            if next_offset == nil then
                root:add_expert_info(PI_MALFORMED, PI_ERROR, "malformed frame at offset " .. offset)
                break
            end
            offset = next_offset
        end
    elseif packet_types[type] ~= nil and type ~= 0x10 then
        dissect_handshake(tvb, root, type, limit, summary)
    end
    root:add(f.crc, tvb(limit, 4))
    root:add(f.crc_ok, tvb(limit, 4), crc32c(tvb, 0, limit) == tvb(limit, 4):uint()):set_generated()
    pinfo.cols.info = (packet_types[type] or string.format("type 0x%02x", type)) .. " " .. table.concat(summary, ", ")
    return length
end

local function heuristic(tvb, pinfo, tree)
    if not looks_like_skirmish(tvb) then return false end
    skirmish.dissector(tvb, pinfo, tree)
    return true
end

DissectorTable.get("udp.port"):add(7777, skirmish)
skirmish:register_heuristic("udp", heuristic)
