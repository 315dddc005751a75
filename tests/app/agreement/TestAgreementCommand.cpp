#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs `qaw agreement` on small CSV files written to a temporary folder and checks its JSON,
// its text table and its exit codes (0 ok, 1 bad data, 2 bad arguments).
class TestAgreementCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void krippendorffExampleAsJson();
    void shroutFleissIccAsJson();
    void labelCategoriesAndUndefinedReasons();
    void textTable();
    void badCsvExitsOne_data();
    void badCsvExitsOne();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    Run qaw(const QStringList &args);
    QString writeCsv(const QString &name, const QString &text);

    QString m_exe;
    QTemporaryDir m_dir;
};

void TestAgreementCommand::initTestCase()
{
    m_exe = qEnvironmentVariable("QAW_QAW_EXE");
    QVERIFY2(!m_exe.isEmpty(), "QAW_QAW_EXE is not set");
    QVERIFY(m_dir.isValid());
}

TestAgreementCommand::Run TestAgreementCommand::qaw(const QStringList &args)
{
    QProcess process;
    process.start(m_exe, QStringList{QStringLiteral("agreement")} + args);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TestAgreementCommand::writeCsv(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.toUtf8());
    return path;
}

void TestAgreementCommand::krippendorffExampleAsJson()
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": observers A-D as
    // columns, 12 units as rows, empty cells missing. Published alpha: nominal .743,
    // ordinal .815, interval .849, ratio .797.
    const QString path = writeCsv(QStringLiteral("kripp.csv"),
                                  QStringLiteral("A,B,C,D\n1,1,,1\n2,2,3,2\n3,3,3,3\n3,3,3,3\n"
                                                 "2,2,2,2\n1,2,3,4\n4,4,4,4\n1,1,2,1\n2,2,2,2\n"
                                                 ",5,5,5\n,,1,1\n,3,,\n"));
    const Run run = qaw({path, QStringLiteral("--format"), QStringLiteral("json"),
                         QStringLiteral("--resamples"), QStringLiteral("200")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonObject alpha = json.value(QStringLiteral("krippendorff_alpha")).toObject();
    QCOMPARE(qRound(alpha.value(QStringLiteral("nominal")).toDouble() * 1000), 743);
    QCOMPARE(qRound(alpha.value(QStringLiteral("ordinal")).toDouble() * 1000), 815);
    QCOMPARE(qRound(alpha.value(QStringLiteral("interval")).toDouble() * 1000), 849);
    QCOMPARE(qRound(alpha.value(QStringLiteral("ratio")).toDouble() * 1000), 797);
    // Two-rater statistics use the first two columns, A and B, which share units 1-9 and
    // disagree only on unit 6 (1 vs 2): exact 8/9, within 1 all, bias (0 - 1) / 9.
    const QJsonObject percent = json.value(QStringLiteral("percent_agreement")).toObject();
    QVERIFY(std::abs(percent.value(QStringLiteral("exact")).toDouble() - 800.0 / 9.0) < 1e-9);
    QCOMPARE(percent.value(QStringLiteral("within_1")).toDouble(), 100.0);
    QVERIFY(std::abs(json.value(QStringLiteral("mean_signed_bias")).toDouble() + 1.0 / 9.0) <
            1e-12);
    QVERIFY(std::abs(json.value(QStringLiteral("mean_absolute_error")).toDouble() - 1.0 / 9.0) <
            1e-12);
    QVERIFY(std::abs(json.value(QStringLiteral("root_mean_squared_error")).toDouble() - 1.0 / 3.0) <
            1e-12);
    // Cohen's kappa of A and B by hand: p_o = 8/9; margins A (3,3,2,1), B (2,4,2,1) over
    // categories 1-4, so p_e = (6 + 12 + 4 + 1) / 81 = 23/81 and kappa = 49/58.
    QVERIFY(std::abs(json.value(QStringLiteral("cohen_kappa"))
                         .toObject()
                         .value(QStringLiteral("unweighted"))
                         .toDouble() -
                     49.0 / 58.0) < 1e-12);
    // Listwise: units 2-9 are complete; all four agree on 3, 4, 5, 7, 9 = 5 of 8.
    QCOMPARE(percent.value(QStringLiteral("all_raters_exact_listwise")).toDouble(), 62.5);
    QVERIFY(json.value(QStringLiteral("icc")).toObject().contains(QStringLiteral("ICC(2,k)")));
    QVERIFY(json.value(QStringLiteral("cohen_kappa"))
                .toObject()
                .value(QStringLiteral("quadratic"))
                .isDouble());
    QVERIFY(json.value(QStringLiteral("fleiss_kappa"))
                .toObject()
                .value(QStringLiteral("randolph_free_marginal"))
                .isDouble());
    QVERIFY(json.value(QStringLiteral("pearson_r")).isDouble());
    QVERIFY(json.value(QStringLiteral("spearman_rho")).isDouble());
    const QJsonObject ci = json.value(QStringLiteral("confidence_intervals"))
                               .toObject()
                               .value(QStringLiteral("krippendorff_alpha"))
                               .toObject()
                               .value(QStringLiteral("ordinal"))
                               .toObject();
    QVERIFY(ci.value(QStringLiteral("lower")).toDouble() <= 0.815);
    QVERIFY(ci.value(QStringLiteral("upper")).toDouble() >= 0.815);
}

void TestAgreementCommand::shroutFleissIccAsJson()
{
    // Shrout & Fleiss (1979), 6 targets x 4 judges; published ICC(1,1) .17, ICC(2,1) .29,
    // ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91.
    const QString path =
        writeCsv(QStringLiteral("sf.csv"), QStringLiteral("J1,J2,J3,J4\n9,2,5,8\n6,1,3,2\n8,4,6,8\n"
                                                          "7,1,2,6\n10,5,6,9\n6,2,4,7\n"));
    const Run run = qaw({path, QStringLiteral("--format"), QStringLiteral("json"),
                         QStringLiteral("--resamples"), QStringLiteral("0")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject icc =
        QJsonDocument::fromJson(run.out).object().value(QStringLiteral("icc")).toObject();
    const std::pair<const char *, int> published[] = {{"ICC(1,1)", 17}, {"ICC(2,1)", 29},
                                                      {"ICC(3,1)", 71}, {"ICC(1,k)", 44},
                                                      {"ICC(2,k)", 62}, {"ICC(3,k)", 91}};
    for (const auto &[key, hundredths] : published)
        QCOMPARE(qRound(icc.value(QLatin1String(key)).toDouble() * 100), hundredths);
}

void TestAgreementCommand::labelCategoriesAndUndefinedReasons()
{
    // Both raters always say "yes": kappa is undefined (not 0), with the reason; percent
    // agreement is 100. The declared "no" is coded 1, "yes" 2.
    const QString path = writeCsv(QStringLiteral("yes.csv"),
                                  QStringLiteral("auto,human\nyes,yes\nyes,yes\nyes,yes\n"));
    const Run run = qaw({path, QStringLiteral("--categories"), QStringLiteral("no,yes"),
                         QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QVERIFY(json.value(QStringLiteral("cohen_kappa"))
                .toObject()
                .value(QStringLiteral("unweighted"))
                .isNull());
    QVERIFY(json.value(QStringLiteral("krippendorff_alpha"))
                .toObject()
                .value(QStringLiteral("nominal"))
                .isNull());
    QVERIFY(json.value(QStringLiteral("pearson_r")).isNull());
    QCOMPARE(json.value(QStringLiteral("percent_agreement"))
                 .toObject()
                 .value(QStringLiteral("exact"))
                 .toDouble(),
             100.0);
    const QJsonObject undefined = json.value(QStringLiteral("undefined")).toObject();
    QVERIFY(!undefined.value(QStringLiteral("cohen_kappa.unweighted")).toString().isEmpty());
    QVERIFY(!undefined.value(QStringLiteral("krippendorff_alpha.nominal")).toString().isEmpty());
    // Randolph's free-marginal kappa over the declared two categories: (1 - 1/2) / (1/2) = 1.
    QCOMPARE(json.value(QStringLiteral("fleiss_kappa"))
                 .toObject()
                 .value(QStringLiteral("randolph_free_marginal"))
                 .toDouble(),
             1.0);
}

void TestAgreementCommand::textTable()
{
    const QString path =
        writeCsv(QStringLiteral("text.csv"), QStringLiteral("auto,ana\n1,1\n3,2\n"));
    const Run run = qaw({path, QStringLiteral("--resamples"), QStringLiteral("0")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY(text.contains(QStringLiteral("Cohen's kappa, quadratic weights")));
    QVERIFY(text.contains(QStringLiteral("Krippendorff's alpha, ordinal")));
    QVERIFY(text.contains(QStringLiteral("ICC(3,k)")));
    QVERIFY(text.contains(QStringLiteral("Mean signed bias (auto minus ana)")));
    // Two items are too few for a correlation: said in words, not as 0 or nan.
    QVERIFY(text.contains(QStringLiteral("undefined: too few items")));
    QVERIFY(!text.contains(QStringLiteral("nan")));
}

void TestAgreementCommand::badCsvExitsOne_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("ragged") << QStringLiteral("a,b\n1,2\n3\n") << QStringList()
                            << QStringLiteral("line 3 has 1 cells but the header has 2");
    QTest::newRow("text") << QStringLiteral("a,b\n1,good\n") << QStringList()
                          << QStringLiteral("\"good\" is not a number");
    QTest::newRow("not declared") << QStringLiteral("a,b\nyes,maybe\n")
                                  << QStringList{QStringLiteral("--categories"),
                                                 QStringLiteral("no,yes")}
                                  << QStringLiteral("not one of the declared categories");
    QTest::newRow("one rater") << QStringLiteral("a\n1\n2\n") << QStringList()
                               << QStringLiteral("at least two rater columns");
}

void TestAgreementCommand::badCsvExitsOne()
{
    QFETCH(QString, csv);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const QString path = writeCsv(QStringLiteral("bad.csv"), csv);
    const Run run = qaw(QStringList{path} + extra);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestAgreementCommand::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no file") << QStringList();
    QTest::newRow("two files") << QStringList{QStringLiteral("a.csv"), QStringLiteral("b.csv")};
    QTest::newRow("bad format") << QStringList{QStringLiteral("a.csv"), QStringLiteral("--format"),
                                               QStringLiteral("xml")};
    QTest::newRow("bad resamples") << QStringList{
        QStringLiteral("a.csv"), QStringLiteral("--resamples"), QStringLiteral("many")};
    QTest::newRow("empty category") << QStringList{
        QStringLiteral("a.csv"), QStringLiteral("--categories"), QStringLiteral("1,,3")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("a.csv"), QStringLiteral("--bogus")};
}

void TestAgreementCommand::badArgumentsExitTwo()
{
    QFETCH(QStringList, args);
    const Run run = qaw(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestAgreementCommand)
#include "TestAgreementCommand.moc"
