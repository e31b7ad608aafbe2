export default function Page() {
	return <main id="main" className="page">todo</main>
}
