namespace qaw {
namespace {
struct CsvRow
{
};
} // namespace
}
