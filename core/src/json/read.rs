//! Reading a JSON document for validation: kept whole while it is small, cut into batches
//! of array items (the pipeline's jobs) once it is a large top-level array or GeoJSON
//! `FeatureCollection`.

use super::scan::{Item, Splitter};
use crate::error::SourceError;
use serde_json::Value;
use std::io::Read;
use std::sync::Arc;

/// A batch of items to validate, with the envelope they sit in.
pub(super) struct Batch {
    /// Index (in the array) of the first item.
    pub first_item: u64,
    pub items: Vec<Item>,
    /// The envelope known when the array starts, closed into a value (`None`: a bare array).
    pub prefix: Arc<Value>,
}

/// The reading state of one document.
pub(super) struct DocumentReader<R> {
    input: R,
    buf: Vec<u8>,
    bom_checked: bool,
    pub splitter: Splitter,
    /// The whole document, while it is small enough to be validated whole.
    pub whole: Option<Vec<u8>>,
    whole_limit: usize,
    batch_items: usize,
    pending: Vec<Item>,
    prefix: Option<Arc<Value>>,
    /// The first item's bytes (it stands for the array when the envelope is validated).
    pub first_item: Option<Vec<u8>>,
    pub bytes_in: u64,
    pub items_seen: u64,
    items_sent: u64,
    ended: bool,
}

impl<R: Read> DocumentReader<R> {
    pub fn new(input: R, batch_items: usize, whole_limit: usize) -> Self {
        DocumentReader {
            input,
            buf: vec![0u8; 1 << 20],
            bom_checked: false,
            splitter: Splitter::new(),
            whole: Some(Vec::new()),
            whole_limit,
            batch_items,
            pending: Vec::new(),
            prefix: None,
            first_item: None,
            bytes_in: 0,
            items_seen: 0,
            items_sent: 0,
            ended: false,
        }
    }

    /// The next batch of items to validate, once the document is known to be split;
    /// `None` at the end (a whole document gives no batch: see [`Self::whole`]).
    pub fn next_batch(&mut self) -> Result<Option<Batch>, SourceError> {
        loop {
            if self.whole.is_none()
                && (self.pending.len() >= self.batch_items
                    || (self.ended && !self.pending.is_empty()))
            {
                let rest = self
                    .pending
                    .split_off(self.batch_items.min(self.pending.len()));
                let items = std::mem::replace(&mut self.pending, rest);
                let first_item = self.items_sent;
                self.items_sent += items.len() as u64;
                let prefix = match &self.prefix {
                    Some(p) => p.clone(),
                    None => self
                        .prefix
                        .insert(Arc::new(envelope_prefix(&self.splitter)?))
                        .clone(),
                };
                return Ok(Some(Batch {
                    first_item,
                    items,
                    prefix,
                }));
            }
            if self.ended {
                return Ok(None);
            }
            self.read()?;
        }
    }

    fn read(&mut self) -> Result<(), SourceError> {
        let n = loop {
            match self.input.read(&mut self.buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(SourceError::Io(e)),
            }
        };
        if n == 0 {
            self.ended = true;
            return Ok(());
        }
        let mut data = &self.buf[..n];
        if !self.bom_checked {
            self.bom_checked = true;
            data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        }
        self.bytes_in += n as u64;
        let before = self.pending.len();
        self.splitter.push(data, &mut self.pending);
        self.items_seen += (self.pending.len() - before) as u64;
        if self.first_item.is_none() {
            self.first_item = self.pending.first().map(|i| i.bytes.clone());
        }
        if let Some(whole) = &mut self.whole {
            whole.extend_from_slice(data);
            if self.splitter.split() && whole.len() > self.whole_limit {
                self.whole = None;
            }
        }
        Ok(())
    }
}

/// The envelope known when the split array starts, closed into a value.
fn envelope_prefix(splitter: &Splitter) -> Result<Value, SourceError> {
    let len = splitter.prefix_len.unwrap_or(0);
    let mut text = splitter.envelope[..len].to_vec();
    text.extend_from_slice(if text.first() == Some(&b'[') {
        b"]"
    } else {
        b"]}"
    });
    serde_json::from_slice(&text).map_err(|e| super::json_syntax(&e, 1, 1))
}
