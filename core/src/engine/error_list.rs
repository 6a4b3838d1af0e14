//! The errors the merge keeps, in file order, as the chunks' own vectors one after the
//! other: moved into one vector once, at the end, rather than copied into a growing one.
//!
//! A vector grown error by error on the merging thread copied every error again at each
//! doubling, into memory touched for the first time: two thirds of that thread's work on a
//! file with many errors, and the one part of a run that does not spread over threads.

use crate::report::Diagnostic;

/// Fewer errors than this are copied after the previous ones rather than kept as their
/// chunk's vector (a vector per chunk that has one or two errors costs more than a copy).
const OWN_SEGMENT: usize = 64;

/// Errors in order, in segments.
#[derive(Default)]
pub(crate) struct ErrorList {
    segments: Vec<Vec<Diagnostic>>,
    len: usize,
}

impl ErrorList {
    /// Number of errors.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Adds `d` after the others.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        match self.segments.last_mut() {
            Some(last) => last.push(d),
            None => self.segments.push(vec![d]),
        }
        self.len += 1;
    }

    /// Adds `errors` after the others, keeping their vector when it is worth one.
    pub(crate) fn append(&mut self, mut errors: Vec<Diagnostic>) {
        self.len += errors.len();
        match self.segments.last_mut() {
            Some(last) if errors.len() < OWN_SEGMENT => last.append(&mut errors),
            _ if errors.is_empty() => {}
            _ => self.segments.push(errors),
        }
    }

    /// The errors in order.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &Diagnostic> {
        self.segments.iter().flatten()
    }

    /// All the errors in one vector (moved once, into a vector of their exact number),
    /// leaving none.
    pub(crate) fn take(&mut self) -> Vec<Diagnostic> {
        self.len = 0;
        let mut segments = std::mem::take(&mut self.segments);
        if segments.len() == 1 {
            return segments.pop().unwrap_or_default();
        }
        let mut all = Vec::with_capacity(segments.iter().map(Vec::len).sum());
        for mut segment in segments {
            all.append(&mut segment);
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ErrorCode;

    fn at(row: u64) -> Diagnostic {
        Diagnostic::new(ErrorCode::BlankRow).at_row(row, row)
    }

    fn rows(list: &ErrorList) -> Vec<u64> {
        list.iter().map(|d| d.row.unwrap_or(0)).collect()
    }

    #[test]
    fn keeps_the_order_of_pushes_and_appends() {
        let mut list = ErrorList::default();
        list.push(at(1));
        list.append((2..100).map(at).collect());
        list.push(at(100));
        list.append(vec![at(101)]);
        list.append(Vec::new());
        list.append((102..200).map(at).collect());
        assert_eq!(list.len(), 199);
        assert_eq!(rows(&list), (1..200).collect::<Vec<_>>());
        assert_eq!(list.iter().next_back().and_then(|d| d.row), Some(199));
        let all = list.take();
        assert_eq!(all.len(), 199);
        assert_eq!(all.capacity(), 199, "one exact vector");
        assert!(all.iter().map(|d| d.row.unwrap()).eq(1..200));
        assert_eq!(list.len(), 0);
        assert!(list.take().is_empty());
    }

    #[test]
    fn a_few_errors_join_the_segment_before() {
        let mut list = ErrorList::default();
        list.append((0..100).map(at).collect());
        list.append(vec![at(100), at(101)]);
        assert_eq!(list.segments.len(), 1);
        list.append((102..300).map(at).collect());
        assert_eq!(list.segments.len(), 2);
        assert_eq!(rows(&list), (0..300).collect::<Vec<_>>());
    }
}
