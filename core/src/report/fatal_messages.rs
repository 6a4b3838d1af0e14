//! The French text of the errors that stop a run before any report exists (an input that
//! cannot be read, a schema that cannot be used): the command prints them as its last
//! word, so under `--lang fr` they must be French too. English is each error's `Display`.
//!
//! Details that come from a library (a parser's own words) stay as the library gives them,
//! inside a French sentence that says where and what to do.

use super::Lang;
use crate::error::{SchemaError, SourceError};
use std::io::ErrorKind;

/// An I/O failure in `lang`: the common kinds in words, others as the system says them.
///
/// ```
/// let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
/// assert!(conforme::report::io_message(&e, conforme::Lang::Fr).starts_with("accès refusé"));
/// ```
pub fn io_message(e: &std::io::Error, lang: Lang) -> String {
    io(e, lang)
}

pub(crate) fn io(e: &std::io::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e.kind() {
        ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".into(),
        // A message conforme wrote itself.
        _ if e.raw_os_error().is_none() && e.get_ref().is_some() => e.to_string(),
        ErrorKind::NotFound => {
            "fichier ou dossier introuvable (vérifiez le chemin et le nom)".into()
        }
        ErrorKind::PermissionDenied => "accès refusé (vérifiez les droits de lecture)".into(),
        ErrorKind::UnexpectedEof => "le fichier se termine trop tôt (il est coupé)".into(),
        ErrorKind::OutOfMemory => "mémoire insuffisante".into(),
        _ => format!("erreur du système : {e}"),
    }
}

/// `e` in French.
pub(crate) fn source_fr(e: &SourceError) -> String {
    match e {
        SourceError::Io(e) => format!("impossible de lire les données : {}", io(e, Lang::Fr)),
        SourceError::Empty => "le fichier est vide (0 octet) : il n'y a ni en-tête ni ligne à vérifier. Exportez de nouveau le tableau".into(),
        SourceError::Binary { what, byte } => format!(
            "ce fichier ne ressemble pas à un fichier texte CSV ({}, octet {byte}). Exportez le tableau en CSV (UTF-8, séparé par des virgules ou des points-virgules)",
            crate::source::binary_kind_fr(what)
        ),
        SourceError::RecordTooLong { line, byte, limit } => format!(
            "la ligne {line} (octet {byte}) contient un enregistrement de plus de {limit} octets sans saut de ligne : ce n'est pas un fichier CSV utilisable (un guillemet jamais refermé, ou le mauvais fichier). Vérifiez les guillemets de cette ligne, ou relevez la limite avec --max-record-bytes"
        ),
        SourceError::Unsupported { what } => format!(
            "ce fichier est {}, pas un tableau que conforme sait lire. Donnez un fichier CSV (ou .xlsx, .xls, .ods, ou un .gz/.zip contenant un CSV)",
            crate::source::input::unsupported_fr(what)
                .unwrap_or_else(|| crate::source::binary_kind_fr(what).to_owned())
        ),
        SourceError::Corrupt { format, detail } => format!(
            "le fichier {format} est endommagé ou incomplet : {detail}. Téléchargez-le ou exportez-le de nouveau"
        ),
        SourceError::ZipMember { wanted, members } => zip_member(wanted.as_deref(), members),
        SourceError::Sheet { wanted, sheets } => sheet(wanted, sheets),
        SourceError::EmptySheet { sheet } => format!(
            "la feuille « {sheet} » est vide : il n'y a ni en-tête ni ligne à vérifier. Choisissez une autre feuille avec --sheet"
        ),
        SourceError::Csv {
            line,
            byte,
            message,
        } => format!("erreur de syntaxe CSV ligne {line} (octet {byte}) : {message}"),
        SourceError::Json {
            line,
            column,
            message,
        } => format!(
            "erreur de syntaxe JSON ligne {line}, colonne {column} : {message}. Vérifiez le fichier avec un validateur JSON ; une virgule en trop ou un guillemet manquant en est la cause habituelle"
        ),
        SourceError::JsonValue {
            line,
            column,
            problem,
        } => format!(
            "le document JSON ne peut pas être lu ligne {line}, colonne {column} : {}",
            problem.message(Lang::Fr)
        ),
    }
}

fn zip_member(wanted: Option<&str>, members: &[String]) -> String {
    let list = crate::error::capped_names(members, Lang::Fr);
    match (wanted, members.is_empty()) {
        (_, true) => "l'archive ZIP ne contient aucun fichier de données".to_owned(),
        (Some(w), false) => format!(
            "l'archive ZIP ne contient pas de fichier « {w} » ; elle contient : {list}. Donnez l'un de ces noms à --zip-member"
        ),
        (None, false) => format!(
            "l'archive ZIP contient plusieurs fichiers ({list}) : choisissez celui à vérifier avec --zip-member NOM"
        ),
    }
}

fn sheet(wanted: &str, sheets: &[String]) -> String {
    if sheets.is_empty() {
        return "le classeur ne contient aucune feuille de calcul".to_owned();
    }
    format!(
        "le classeur n'a pas de feuille « {wanted} » ; ses feuilles sont : {}. Donnez à --sheet un nom ou un numéro de 1 à {}",
        sheets.join(", "),
        sheets.len()
    )
}

/// `e` in French.
pub(crate) fn schema_fr(e: &SchemaError) -> String {
    match e {
        SchemaError::Syntax {
            line,
            column,
            message,
        } => format!(
            "le schéma n'est pas du JSON valide (ligne {line}, colonne {column}) : {message}. Vérifiez le fichier avec un validateur JSON ; une virgule en trop ou un guillemet manquant en est la cause habituelle"
        ),
        SchemaError::NotATableSchema { reason } => {
            format!("ce n'est pas un Table Schema : {reason}")
        }
        SchemaError::Invalid {
            pointer,
            message,
            hint,
        } if pointer.is_empty() => format!("schéma invalide : {message}. {hint}"),
        SchemaError::Invalid {
            pointer,
            message,
            hint,
        } => format!("schéma invalide en {pointer} : {message}. {hint}"),
        SchemaError::Profile {
            profile,
            violations,
        } => {
            let mut out = format!(
                "ce descripteur ne suit pas la spécification {profile} ({} problème(s)) :",
                violations.len()
            );
            let shown = crate::error::SHOWN_VIOLATIONS;
            for v in violations.iter().take(shown) {
                let at = if v.pointer.is_empty() {
                    "/"
                } else {
                    &v.pointer
                };
                out.push_str(&format!("\n  - {at} : {}", v.message_fr));
            }
            if violations.len() > shown {
                out.push_str(&format!("\n  - … et {} autres", violations.len() - shown));
            }
            out
        }
        SchemaError::Io { path, source } => format!(
            "impossible de lire le fichier de schéma {} : {}",
            path.display(),
            io(source, Lang::Fr)
        ),
    }
}

// The French messages live here, beside the texts they pick: the error types (`crate::error`)
// stay free of the report layer.
impl SchemaError {
    /// The message in `lang` (English is the `Display` text).
    ///
    /// ```
    /// let err = conforme::Schema::from_slice(b"{").unwrap_err();
    /// assert!(err.message(conforme::Lang::Fr).contains("n'est pas du JSON valide"));
    /// ```
    pub fn message(&self, lang: crate::report::Lang) -> String {
        match lang {
            crate::report::Lang::En => self.to_string(),
            crate::report::Lang::Fr => schema_fr(self),
        }
    }
}

impl SourceError {
    /// The message in `lang` (English is the `Display` text).
    ///
    /// ```
    /// let err = conforme::SourceError::Empty;
    /// assert!(err.message(conforme::Lang::Fr).starts_with("le fichier est vide"));
    /// ```
    pub fn message(&self, lang: crate::report::Lang) -> String {
        match lang {
            crate::report::Lang::En => self.to_string(),
            crate::report::Lang::Fr => source_fr(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_in_french() {
        let missing = std::io::Error::from(ErrorKind::NotFound);
        let texts = [
            source_fr(&SourceError::Io(std::io::Error::from_raw_os_error(2))),
            source_fr(&SourceError::Empty),
            source_fr(&SourceError::Binary {
                what: "a PDF document".into(),
                byte: 0,
            }),
            source_fr(&SourceError::ZipMember {
                wanted: None,
                members: vec!["a.csv".into(), "b.csv".into()],
            }),
            source_fr(&SourceError::Sheet {
                wanted: "3".into(),
                sheets: vec!["Données".into()],
            }),
            schema_fr(&SchemaError::Io {
                path: "s.json".into(),
                source: missing,
            }),
        ];
        assert!(texts[0].contains("introuvable"), "{}", texts[0]);
        assert!(texts[1].contains("vide"));
        assert!(texts[2].contains("un document PDF"), "{}", texts[2]);
        assert!(texts[3].contains("--zip-member NOM"));
        assert!(texts[4].contains("de 1 à 1"));
        assert!(texts[5].contains("schéma s.json"), "{}", texts[5]);
    }
}
