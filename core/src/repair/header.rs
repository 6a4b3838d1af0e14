//! Which input column feeds which schema field, and the columns of the corrected file:
//! labels that differ from a field name only by case, accents or spaces are renamed, and
//! the fields are put in the schema's order, columns the schema does not know after them.

use super::fold::fold;

/// The columns of the corrected file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    /// For each output column, the input column it comes from.
    pub source: Vec<usize>,
    /// For each output column, the schema field it holds (if any).
    pub field: Vec<Option<usize>>,
    /// The output header (`None` without a header).
    pub labels: Option<Vec<String>>,
    /// Labels renamed: (input column, old label, field name).
    pub renamed: Vec<(usize, String, String)>,
}

impl Layout {
    /// Whether output columns are the input columns, in order.
    pub fn is_identity(&self) -> bool {
        self.source.iter().enumerate().all(|(i, &s)| i == s)
    }
}

/// Plans the output columns for `labels` (without a header, columns are matched to
/// fields by position and kept as they are).
pub(crate) fn plan(fields: &[&str], labels: Option<&[String]>) -> Layout {
    let Some(labels) = labels else {
        return Layout {
            source: (0..fields.len()).collect(),
            field: (0..fields.len()).map(Some).collect(),
            labels: None,
            renamed: Vec::new(),
        };
    };
    let mut column_field: Vec<Option<usize>> = vec![None; labels.len()];
    let mut taken = vec![false; fields.len()];
    // Exact names first, so that a folded match never steals a field named exactly.
    for (c, label) in labels.iter().enumerate() {
        if let Some(f) = fields.iter().position(|n| n == label)
            && !taken[f]
        {
            column_field[c] = Some(f);
            taken[f] = true;
        }
    }
    let mut renamed = Vec::new();
    for (c, label) in labels.iter().enumerate() {
        if column_field[c].is_some() {
            continue;
        }
        let key = fold(label);
        if key.is_empty() {
            continue;
        }
        let same: Vec<usize> = (0..fields.len())
            .filter(|&f| fold(fields[f]) == key)
            .collect();
        let rivals = labels.iter().filter(|l| fold(l) == key).count();
        // One field, one label: anything else is a guess.
        if let [f] = same.as_slice()
            && !taken[*f]
            && rivals == 1
        {
            column_field[c] = Some(*f);
            taken[*f] = true;
            renamed.push((c, label.clone(), fields[*f].to_owned()));
        }
    }
    let mut source: Vec<usize> = Vec::with_capacity(labels.len());
    for f in 0..fields.len() {
        if let Some(c) = column_field.iter().position(|&x| x == Some(f)) {
            source.push(c);
        }
    }
    source.extend((0..labels.len()).filter(|&c| column_field[c].is_none()));
    let field = source.iter().map(|&c| column_field[c]).collect();
    let out_labels = source
        .iter()
        .map(|&c| match column_field[c] {
            Some(f) => fields[f].to_owned(),
            None => labels[c].clone(),
        })
        .collect();
    Layout {
        source,
        field,
        labels: Some(out_labels),
        renamed,
    }
}

#[cfg(test)]
mod tests {
    use super::plan;

    fn labels(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn renames_and_reorders_when_only_case_accents_spaces_differ() {
        let l = labels(&["Prénom ", "nom", "extra"]);
        let p = plan(&["nom", "prenom"], Some(&l));
        assert_eq!(p.source, [1, 0, 2]);
        assert_eq!(p.labels.unwrap(), ["nom", "prenom", "extra"]);
        assert_eq!(p.renamed, [(0, "Prénom ".to_owned(), "prenom".to_owned())]);
    }

    #[test]
    fn leaves_ambiguous_labels_alone() {
        let l = labels(&["NOM", "Nom"]);
        let p = plan(&["nom"], Some(&l));
        assert_eq!(p.field, [None, None]);
        assert!(p.is_identity());
    }
}
