//! Subcommands: serve, worker, migrate, admin, demo, config, backup.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use passerelle_core::accounts::{self, Actor, Role};
use passerelle_core::jobs::Worker;
use passerelle_core::mail::Mailer;
use passerelle_core::{Backend, Clock, Config, Core, Db, Locale, demo};
use tokio::sync::watch;

#[derive(Parser)]
#[command(
    name = "passerelle",
    version,
    about = "Practice exchange and shared knowledge in social work"
)]
struct Cli {
    /// TOML configuration file (see `passerelle config example`).
    #[arg(long, global = true, env = "PASSERELLE_CONFIG")]
    config: Option<PathBuf>,
    /// Folder of the SQLite database.
    #[arg(long, global = true, env = "PASSERELLE_DATA_DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default).
    Serve {
        /// Address and port to listen on.
        #[arg(long, env = "PASSERELLE_BIND")]
        bind: Option<String>,
        /// Start without demo content.
        #[arg(long)]
        no_demo: bool,
    },
    /// Run background jobs only (e-mails…), beside one or more `serve` instances.
    Worker {
        /// Run the jobs that are due, then exit.
        #[arg(long)]
        once: bool,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Manage demo content.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// Configuration helpers.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Questionnaires.
    #[command(subcommand)]
    Questionnaires(QuestionnairesCommand),
    /// Copy the SQLite database consistently while Passerelle runs.
    Backup {
        /// Where to write the copy (must not exist).
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a confirmed account. The password is read from PASSERELLE_PASSWORD.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long, env = "PASSERELLE_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long, default_value = "")]
        name: String,
        /// member, coordinator or administrator.
        #[arg(long, default_value = "member")]
        role: String,
    },
    /// Change someone's platform role.
    SetRole {
        #[arg(long)]
        email: String,
        /// member, coordinator or administrator.
        #[arg(long)]
        role: String,
    },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Load demo organisations and accounts (if not already there).
    Load,
    /// Remove demo content, then load it afresh.
    Reset,
    /// Remove demo content.
    Remove,
    /// Print the demo accounts and their password.
    Accounts,
}

#[derive(Subcommand)]
enum QuestionnairesCommand {
    /// Import an XLSForm workbook; prints a JSON report (questions, groups, what was not
    /// imported with its sheet, row, column and reason). Exits with 1 when the workbook has
    /// errors, which create nothing.
    ImportXlsform {
        file: PathBuf,
        /// Read and report only; touch no database.
        #[arg(long)]
        dry_run: bool,
        /// The e-mail address of the coordinator who will own the questionnaire.
        #[arg(long, required_unless_present = "dry_run")]
        owner: Option<String>,
        /// Language of the columns that name none (`label`, `hint`).
        #[arg(long, default_value = "fr")]
        language: String,
    },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print a commented configuration file with every setting.
    Example,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Config(ConfigCommand::Example)) = &cli.command {
        print!("{}", passerelle_core::config::EXAMPLE);
        return ExitCode::SUCCESS;
    }
    if let Some(Command::Demo(DemoCommand::Accounts)) = &cli.command {
        print_demo_accounts();
        return ExitCode::SUCCESS;
    }
    if let Some(Command::Questionnaires(QuestionnairesCommand::ImportXlsform {
        file,
        dry_run: true,
        language,
        ..
    })) = &cli.command
    {
        return match std::fs::read(file) {
            Ok(bytes) => {
                let (_, report) = passerelle_core::questionnaires::xlsform::read(&bytes, language);
                print_report(&report, None)
            }
            Err(e) => {
                eprintln!("passerelle: {}: {e}", file.display());
                ExitCode::from(2)
            }
        };
    }
    let config = match load_config(&cli) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("passerelle: {e:#}");
            return ExitCode::from(2);
        }
    };
    init_logging(&config);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("passerelle: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("passerelle: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn load_config(cli: &Cli) -> anyhow::Result<Config> {
    let mut config = Config::load(cli.config.as_deref())?;
    if let Some(dir) = &cli.data_dir {
        config.data_dir = dir.clone();
    }
    if let Some(Command::Serve {
        bind: Some(bind), ..
    }) = &cli.command
    {
        // The public URL follows a --bind given on the command line unless set explicitly.
        if config.base_url == format!("http://{}", config.bind) {
            config.base_url = format!("http://{bind}");
        }
        config.bind = bind.clone();
    }
    Ok(config)
}

fn init_logging(config: &Config) {
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("PASSERELLE_LOG").unwrap_or_else(|_| {
            tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_sessions=warn")
        });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if config.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn print_demo_accounts() {
    println!(
        "Demo accounts (they exist only while demo content is loaded); password: {}",
        demo::DEMO_PASSWORD
    );
    for (email, name, role, membership) in demo::DEMO_ACCOUNTS {
        let org = membership
            .map(|(slug, r)| format!(", {} of {slug}", r.code()))
            .unwrap_or_default();
        println!("  {email:<40} {name} ({}{org})", role.code());
    }
}

async fn open(config: &Config) -> anyhow::Result<Core> {
    Ok(open_fresh(config).await?.0)
}

/// Opens and migrates the database; also tells whether this was its very first start.
async fn open_fresh(config: &Config) -> anyhow::Result<(Core, bool)> {
    let db = Db::connect(config).await.context("opening the database")?;
    let fresh = db.is_fresh().await;
    db.migrate().await.context("applying migrations")?;
    Ok((Core::new(db, Clock::system(), config.clone()), fresh))
}

async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve {
        bind: None,
        no_demo: false,
    }) {
        Command::Serve { no_demo, .. } => serve(config, no_demo).await,
        Command::Worker { once } => {
            let core = open(&config).await?;
            let worker = Worker::new(core.clone(), Mailer::from_config(&config.smtp)?);
            if once {
                let n = worker.drain().await?;
                println!("{n} job(s) run");
                return Ok(());
            }
            let (tx, rx) = watch::channel(false);
            tokio::spawn(async move {
                shutdown_signal().await;
                let _ = tx.send(true);
            });
            tracing::info!("worker started");
            worker.run(rx).await;
            Ok(())
        }
        Command::Migrate => {
            open(&config).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Admin(cmd) => admin(config, cmd).await,
        Command::Questionnaires(QuestionnairesCommand::ImportXlsform {
            file,
            owner,
            language,
            ..
        }) => {
            let core = open(&config).await?;
            let bytes =
                std::fs::read(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let email = owner.unwrap_or_default();
            let user = accounts::find_by_email(&core, &email)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no account with the address {email}"))?;
            let (id, report) = passerelle_core::questionnaires::xlsform::import(
                &core,
                &user,
                &bytes,
                &language,
                &Actor::cli(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("import refused: {e}"))?;
            if print_report(&report, id.as_deref()) != ExitCode::SUCCESS {
                anyhow::bail!("the workbook has errors; nothing was created");
            }
            Ok(())
        }
        Command::Demo(cmd) => {
            let core = open(&config).await?;
            match cmd {
                DemoCommand::Load => {
                    let loaded = demo::load(&core).await?;
                    println!(
                        "{}",
                        if loaded {
                            "demo content loaded"
                        } else {
                            "demo content already present"
                        }
                    );
                    print_demo_accounts();
                }
                DemoCommand::Reset => {
                    demo::remove(&core).await?;
                    demo::load(&core).await?;
                    println!("demo content reset");
                    print_demo_accounts();
                }
                DemoCommand::Remove => {
                    demo::remove(&core).await?;
                    println!("demo content removed");
                }
                DemoCommand::Accounts => print_demo_accounts(),
            }
            Ok(())
        }
        Command::Config(ConfigCommand::Example) => {
            print!("{}", passerelle_core::config::EXAMPLE);
            Ok(())
        }
        Command::Backup { file } => {
            if config.uses_postgres() {
                bail!(
                    "on PostgreSQL, back up with pg_dump, e.g. `pg_dump --format=custom --file={} \"$DATABASE_URL\"`",
                    file.display()
                );
            }
            if file.exists() {
                bail!("{} already exists; choose a new file name", file.display());
            }
            let core = open(&config).await?;
            core.db
                .backup_sqlite(&file)
                .await
                .context("copying the database")?;
            println!("backup written to {}", file.display());
            Ok(())
        }
    }
}

async fn admin(config: Config, cmd: AdminCommand) -> anyhow::Result<()> {
    let core = open(&config).await?;
    let parse_role = |r: &str| {
        Role::parse(r).with_context(|| {
            format!("unknown role {r:?}: use member, coordinator or administrator")
        })
    };
    match cmd {
        AdminCommand::CreateUser {
            email,
            password,
            name,
            role,
        } => {
            let role = parse_role(&role)?;
            match accounts::create_confirmed(
                &core,
                &accounts::NewAccount {
                    email: &email,
                    password: &password,
                    name: &name,
                    role,
                    locale: Locale::Fr,
                    is_demo: false,
                },
                &Actor::cli(),
            )
            .await
            {
                Ok(_) => println!("created {email} ({})", role.code()),
                Err(passerelle_core::Error::Invalid(errors)) => {
                    let list: Vec<String> = errors
                        .iter()
                        .map(|(f, c)| format!("{f}: {}", Locale::En.t(c)))
                        .collect();
                    bail!("{}", list.join("; "));
                }
                Err(e) => return Err(e.into()),
            }
        }
        AdminCommand::SetRole { email, role } => {
            let role = parse_role(&role)?;
            let user = accounts::find_by_email(&core, &email)
                .await?
                .with_context(|| format!("no account with e-mail {email}"))?;
            accounts::set_role(&core, None, &user.id, role, &Actor::cli()).await?;
            println!("{email} is now {}", role.code());
        }
    }
    Ok(())
}

async fn serve(config: Config, no_demo: bool) -> anyhow::Result<()> {
    let (core, fresh) = open_fresh(&config).await?;
    if config.demo && !no_demo && fresh {
        demo::load(&core).await?;
        tracing::info!("demo content loaded (passerelle demo accounts lists the accounts)");
    }
    let addr: SocketAddr = config
        .bind
        .parse()
        .with_context(|| format!("bind address {:?}", config.bind))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("listening on {addr}"))?;
    let (tx, rx) = watch::channel(false);
    let worker = if config.run_worker {
        let worker = Worker::new(core.clone(), Mailer::from_config(&config.smtp)?);
        Some(tokio::spawn(worker.run(rx)))
    } else {
        None
    };
    let backend = match core.db.backend {
        Backend::Sqlite => format!("SQLite at {}", config.sqlite_path().display()),
        Backend::Postgres => "PostgreSQL".to_owned(),
    };
    println!("Passerelle is running on {} ({backend})", config.base_url);
    if let Some(link) = accounts::setup_link(&core).await? {
        println!("Create the first administrator with this one-time link: {link}");
    }
    let app = passerelle_web::app(core);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        let _ = tx.send(true);
    })
    .await?;
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Prints an import report as JSON (with the new questionnaire's id when one was created);
/// failure when it has errors.
fn print_report(
    report: &passerelle_core::questionnaires::xlsform::ImportReport,
    id: Option<&str>,
) -> ExitCode {
    let mut value = serde_json::to_value(report).unwrap_or_default();
    if let Some(id) = id {
        value["id"] = serde_json::Value::String(id.to_owned());
    }
    // A reader that stops early (`| head`) closes the pipe: not an error worth a panic.
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    );
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
