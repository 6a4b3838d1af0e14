//! The allowed value closest to a wrong cell, for the "closest allowed value" hint of
//! `enum` errors, in a list of any size: a BK-tree over the normalised values (case, accents
//! and surrounding spaces aside), so a query compares the cell with a small part of a
//! 35 000-value list instead of every value, and the tree is built once per field.

/// Normalises a value for comparison: trimmed, lower case, French accents removed.
pub(crate) fn normalise(s: &str) -> Vec<char> {
    s.trim()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Levenshtein distance over characters.
pub(crate) fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

struct Node {
    norm: Vec<char>,
    /// Position of the value in the allowed list (ties go to the earlier value).
    index: usize,
    /// Children by their distance to this node.
    children: Vec<(usize, usize)>,
}

/// A BK-tree of allowed values.
pub(crate) struct ClosestIndex {
    nodes: Vec<Node>,
}

impl ClosestIndex {
    /// Indexes `values` (in list order; a value equal to an earlier one once normalised is
    /// left out, the earlier one wins ties anyway).
    pub(crate) fn new<'v>(values: impl Iterator<Item = &'v str>) -> ClosestIndex {
        let mut nodes: Vec<Node> = Vec::new();
        'values: for (index, value) in values.enumerate() {
            let norm = normalise(value);
            if nodes.is_empty() {
                nodes.push(Node {
                    norm,
                    index,
                    children: Vec::new(),
                });
                continue;
            }
            let mut at = 0;
            loop {
                let d = distance(&nodes[at].norm, &norm);
                if d == 0 {
                    continue 'values;
                }
                match nodes[at].children.iter().find(|(cd, _)| *cd == d) {
                    Some(&(_, child)) => at = child,
                    None => {
                        let id = nodes.len();
                        nodes[at].children.push((d, id));
                        nodes.push(Node {
                            norm,
                            index,
                            children: Vec::new(),
                        });
                        continue 'values;
                    }
                }
            }
        }
        ClosestIndex { nodes }
    }

    /// Position of the allowed value closest to `cell`, when it is close enough to be a
    /// useful suggestion (at most 2 edits, or a third of the cell's length).
    pub(crate) fn closest(&self, cell: &str) -> Option<usize> {
        self.closest_within(cell, crate::limits::CLOSEST_VALUE_COMPARISONS)
    }

    /// [`ClosestIndex::closest`] comparing `cell` with at most `budget` values: a list whose
    /// values all look alike defeats the tree's pruning, and a hint is not worth more time
    /// (the best value found so far is suggested).
    fn closest_within(&self, cell: &str, budget: usize) -> Option<usize> {
        let target = normalise(cell);
        let mut budget = budget;
        let mut radius = 2.max(target.len() / 3);
        let mut best: Option<(usize, usize)> = None;
        let mut stack = if self.nodes.is_empty() {
            vec![]
        } else {
            vec![0]
        };
        while let Some(at) = stack.pop() {
            if budget == 0 {
                break;
            }
            budget -= 1;
            let node = &self.nodes[at];
            let d = distance(&node.norm, &target);
            if d <= radius && best.is_none_or(|b| (d, node.index) < b) {
                best = Some((d, node.index));
                // Only as close or closer can still win (an equal distance for an earlier
                // value): the search narrows as it goes.
                radius = d;
            }
            // Triangle inequality: a child at distance `cd` from this node holds values at
            // least `|cd - d|` from the cell.
            stack.extend(
                node.children
                    .iter()
                    .filter(|(cd, _)| cd.abs_diff(d) <= radius)
                    .map(|&(_, child)| child),
            );
        }
        best.map(|(_, index)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain scan the tree replaces: first value at the smallest distance.
    fn scan(values: &[String], cell: &str) -> Option<usize> {
        let target = normalise(cell);
        let (index, d) = values
            .iter()
            .enumerate()
            .map(|(i, v)| (i, distance(&target, &normalise(v))))
            .min_by_key(|&(i, d)| (d, i))?;
        (d <= 2.max(target.len() / 3)).then_some(index)
    }

    #[test]
    fn same_answer_as_a_full_scan() {
        let mut values: Vec<String> = Vec::new();
        let mut seed = 7u64;
        for _ in 0..3000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 3 + (seed >> 60) as usize;
            let word: String = (0..len)
                .map(|k| (b'a' + ((seed >> (k * 5 % 55)) % 6) as u8) as char)
                .collect();
            values.push(word);
        }
        values.push("Saint-Étienne".into());
        let index = ClosestIndex::new(values.iter().map(String::as_str));
        for cell in [
            "abcab",
            "aaaa",
            "ffffffffff",
            "saint etienne",
            "x",
            "",
            "bacd",
        ] {
            assert_eq!(index.closest_within(cell, usize::MAX), scan(&values, cell));
        }
        for v in values.iter().take(200) {
            let typo = format!("{v}z");
            assert_eq!(
                index.closest_within(&typo, usize::MAX),
                scan(&values, &typo)
            );
        }
    }

    #[test]
    fn hints_as_before() {
        let allowed = ["oui", "non", "En service", "Hors service"];
        let index = ClosestIndex::new(allowed.iter().copied());
        assert_eq!(index.closest("Oui"), Some(0));
        assert_eq!(index.closest("en  service"), Some(2));
        assert_eq!(index.closest("peut-être"), None);
    }

    #[test]
    fn a_list_of_look_alikes_costs_a_bounded_search() {
        let values: Vec<String> = (0..20_000).map(|i| format!("Commune {i:05}")).collect();
        let index = ClosestIndex::new(values.iter().map(String::as_str));
        // Every value is within 6 edits of every other: the tree cannot prune, the budget
        // stops the search, and a value within the hint's reach is still found.
        let found = index.closest("Comune 12345").unwrap();
        let d = distance(&normalise(&values[found]), &normalise("Comune 12345"));
        assert!(d <= 4, "{}", values[found]);
    }
}
