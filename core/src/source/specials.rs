//! Finding the bytes that matter to the CSV parser (delimiter, quote, line feed, carriage
//! return) 64 at a time.
//!
//! Cells of real files are short (a dozen bytes): a `memchr` call per cell spends most of
//! its time starting and stopping. Here one pass classifies 64 bytes into a bit mask, and
//! each cell end is then one `trailing_zeros` away. SSE2 (always present on x86-64) does
//! 16 bytes per instruction; other targets (WebAssembly, ARM) use 8-byte words.

/// Iterates the positions of special bytes in `data`, in increasing order of the positions
/// asked for.
///
/// [`next_from`](Specials::next_from) may be asked any position; asking positions in
/// increasing order (the parser's way) reuses the current block's mask.
pub(crate) struct Specials<'d> {
    data: &'d [u8],
    needles: [u8; 4],
    /// Offset of the block whose mask is in `mask`.
    block: usize,
    /// Bit `i` set: `data[block + i]` is special.
    mask: u64,
}

const BLOCK: usize = 64;

impl<'d> Specials<'d> {
    /// Special bytes are `delimiter`, `quote`, `\n` and `\r`.
    pub(crate) fn new(data: &'d [u8], delimiter: u8, quote: u8) -> Specials<'d> {
        let needles = [delimiter, quote, b'\n', b'\r'];
        Specials {
            data,
            needles,
            block: 0,
            mask: block_mask(data, &needles),
        }
    }

    /// Position of the first special byte at or after `from`, or `data.len()` if none.
    #[inline]
    pub(crate) fn next_from(&mut self, from: usize) -> usize {
        let len = self.data.len();
        let mut from = from;
        loop {
            let offset = from.wrapping_sub(self.block);
            if offset < BLOCK {
                let m = self.mask & (u64::MAX << offset);
                if m != 0 {
                    return self.block + m.trailing_zeros() as usize;
                }
                from = self.block + BLOCK;
            }
            if from >= len {
                return len;
            }
            self.block = from;
            self.mask = block_mask(&self.data[from..], &self.needles);
        }
    }
}

/// The mask of special bytes among the first 64 bytes of `bytes` (fewer at the end).
#[inline]
fn block_mask(bytes: &[u8], needles: &[u8; 4]) -> u64 {
    if bytes.len() >= BLOCK {
        full_block_mask(bytes[..BLOCK].try_into().expect("64 bytes"), needles)
    } else {
        let mut padded = [0u8; BLOCK];
        padded[..bytes.len()].copy_from_slice(bytes);
        // Padding bytes are not data: clear their bits whatever they matched.
        full_block_mask(&padded, needles) & ((1u64 << bytes.len()) - 1)
    }
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn full_block_mask(block: &[u8; BLOCK], needles: &[u8; 4]) -> u64 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86-64 baseline; the four unaligned 16-byte loads stay
    // within the 64-byte array.
    unsafe {
        let n = needles.map(|b| _mm_set1_epi8(b as i8));
        let mut mask = 0u64;
        for i in 0..4 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * i) as *const __m128i);
            let hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, n[0]), _mm_cmpeq_epi8(v, n[1])),
                _mm_or_si128(_mm_cmpeq_epi8(v, n[2]), _mm_cmpeq_epi8(v, n[3])),
            );
            mask |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * i);
        }
        mask
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn full_block_mask(block: &[u8; BLOCK], needles: &[u8; 4]) -> u64 {
    word_block_mask(block, needles)
}

/// The portable version: eight bytes per 64-bit word.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline]
fn word_block_mask(block: &[u8; BLOCK], needles: &[u8; 4]) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let splat = needles.map(|b| u64::from_ne_bytes([b; 8]));
    let mut mask = 0u64;
    for (i, word) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let mut high = 0u64;
        for s in splat {
            let x = w ^ s;
            // Exact per byte (no borrow between bytes): 0x80 where the byte of `x` is zero.
            high |= !(((x & LOW7) + LOW7) | x | LOW7);
        }
        // Gather the eight 0x80 bits into one byte, least significant byte first.
        let bits = ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= bits << (8 * i);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn positions(data: &[u8], delimiter: u8) -> Vec<usize> {
        let mut s = Specials::new(data, delimiter, b'"');
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let p = s.next_from(at);
            if p == data.len() {
                return out;
            }
            out.push(p);
            at = p + 1;
        }
    }

    fn expected(data: &[u8], delimiter: u8) -> Vec<usize> {
        (0..data.len())
            .filter(|&i| [delimiter, b'"', b'\n', b'\r'].contains(&data[i]))
            .collect()
    }

    #[test]
    fn finds_every_special_byte_across_blocks() {
        let mut data = vec![b'x'; 200];
        for p in [0, 5, 63, 64, 65, 127, 128, 199] {
            data[p] = b',';
        }
        data[70] = b'"';
        data[100] = b'\n';
        data[150] = b'\r';
        assert_eq!(positions(&data, b','), expected(&data, b','));
    }

    #[test]
    fn jumps_backwards_and_past_the_end() {
        let data = b"ab,cd\nef";
        let mut s = Specials::new(data, b',', b'"');
        assert_eq!(s.next_from(3), 5);
        assert_eq!(s.next_from(0), 2);
        assert_eq!(s.next_from(6), 8);
        assert_eq!(s.next_from(100), 8);
    }

    proptest! {
        #[test]
        fn same_positions_as_a_byte_loop(
            data in proptest::collection::vec(prop_oneof![
                Just(b'a'), Just(b','), Just(b';'), Just(b'"'), Just(b'\n'), Just(b'\r'),
                Just(0u8), Just(0x80u8), Just(0xffu8), any::<u8>()
            ], 0..300),
            delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t'), Just(0u8)],
        ) {
            prop_assert_eq!(positions(&data, delimiter), expected(&data, delimiter));
        }

        #[test]
        fn portable_mask_equals_the_simd_one(block in proptest::array::uniform32(any::<u8>()), more in proptest::array::uniform32(prop_oneof![Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), any::<u8>()])) {
            let mut full = [0u8; BLOCK];
            full[..32].copy_from_slice(&block);
            full[32..].copy_from_slice(&more);
            let needles = [b',', b'"', b'\n', b'\r'];
            let want = (0..BLOCK).filter(|&i| needles.contains(&full[i])).fold(0u64, |m, i| m | 1 << i);
            prop_assert_eq!(word_block_mask(&full, &needles), want);
            prop_assert_eq!(full_block_mask(&full, &needles), want);
        }
    }
}
